import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { PlatformFunction } from './platform-function.ts';

export interface WorkflowTaskProps {
  /** Handler module relative to the repository root. */
  readonly entry: string;
  /** The table the task reads and writes. */
  readonly table: dynamodb.Table;
  /** Variables beyond TABLE_NAME. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
}

/** Errors a driver raises that are worth retrying with backoff. */
export const TRANSIENT_ERRORS = ['TransientDriverError'];

/** The function behind workflow tasks: table access and the platform's defaults. */
export function taskFunction(
  scope: Construct,
  id: string,
  props: WorkflowTaskProps,
): PlatformFunction {
  const fn = new PlatformFunction(scope, id, {
    entry: props.entry,
    serviceName: 'platforms-infrastructure-workflows',
    timeout: Duration.seconds(25),
    environment: { TABLE_NAME: props.table.tableName, ...props.environment },
  });
  props.table.grantReadWriteData(fn);
  return fn;
}

/**
 * A Step Functions Task state invoking a function: the function's result is the
 * state's output (no Lambda envelope), Lambda's own transient faults and the driver's
 * transient errors are retried with exponential backoff and jitter, and a task may
 * run for at most 30 seconds.
 */
export function invokeTask(
  scope: Construct,
  id: string,
  fn: PlatformFunction,
): tasks.LambdaInvoke {
  const task = new tasks.LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    payloadResponseOnly: true,
    retryOnServiceExceptions: true,
    taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
  });
  task.addRetry({
    errors: TRANSIENT_ERRORS,
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 5,
    jitterStrategy: sfn.JitterType.FULL,
  });
  return task;
}
