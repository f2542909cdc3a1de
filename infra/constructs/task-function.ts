import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { PlatformFunction } from './platform-function.ts';
import { grantItemActions } from './table-access.ts';

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

/**
 * What a task may do with the table: tasks read an estate by key and write it, its
 * service line, its IDs and its events in transactions of puts and updates. They
 * query no index.
 */
export const TASK_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
] as const;

/** The function behind workflow tasks: item access to the table and the platform's defaults. */
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
  grantItemActions(fn, props.table, TASK_TABLE_ACTIONS);
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

/**
 * `LambdaInvoke` lets the workflow invoke the function and `<function ARN>:*`, its
 * versions and aliases. Acknowledges that wildcard on the workflow's role for exactly
 * the task functions the workflow invokes.
 */
export function acknowledgeTaskInvocations(
  machine: sfn.StateMachine,
  functions: Iterable<PlatformFunction>,
): void {
  for (const fn of functions) {
    const logicalId = Stack.of(fn).resolve(
      (fn.node.defaultChild as CfnElement).logicalId,
    );
    Validations.of(machine.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason:
        'LambdaInvoke grants the versions and aliases of the task function it calls; ' +
        'the wildcard spans the qualifiers of that one function only.',
    });
  }
}
