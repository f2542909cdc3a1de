import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { WORKFLOWS, type WorkflowName } from '../../functions/platform/workflows.ts';
import { alarmedDeadLetters } from './dead-letters.ts';
import { PlatformFunction } from './platform-function.ts';
import { tableStreamSource } from './table-stream.ts';

export interface WorkflowStarterProps {
  /** The table whose stream carries the workflow starts requests write. */
  readonly table: dynamodb.Table;
  /** The state machine each workflow runs as. */
  readonly stateMachines: Readonly<Record<WorkflowName, sfn.IStateMachine>>;
}

/**
 * Starts the workflows that requests ask for: the starter function, fed the workflow
 * start items from the table's stream and allowed to start these state machines
 * only, and a dead-letter queue of its own for starts that keep failing, with an
 * alarm on the first one. Its own queue rather than the platform events' one: every
 * message in it is a workflow that has not started (an estate waiting in
 * provisioning, a service locked by its deployment), so the alarm can say so and an
 * operator knows what to look for.
 */
export class WorkflowStarter extends Construct {
  readonly starter: PlatformFunction;
  readonly deadLetters: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: WorkflowStarterProps) {
    super(scope, id);
    const deadLetters = alarmedDeadLetters(this, 'DeadLetters', {
      of: 'the workflow starter',
      alarmDescription:
        'Workflows could not be started; the dead-letter queue names the stream records that ask for them.',
    });
    this.deadLetters = deadLetters.queue;
    this.deadLetterAlarm = deadLetters.alarm;
    this.starter = new PlatformFunction(this, 'Starter', {
      entry: 'functions/events/start-workflows.ts',
      serviceName: 'platforms-infrastructure-workflows',
      timeout: Duration.seconds(30),
    });
    const machines = Object.entries(props.stateMachines) as [
      WorkflowName,
      sfn.IStateMachine,
    ][];
    for (const [workflow, machine] of machines) {
      machine.grantStartExecution(this.starter);
      this.starter.addEnvironment(WORKFLOWS[workflow], machine.stateMachineArn);
    }
    this.starter.addEventSource(
      tableStreamSource(props.table, {
        entity: 'workflow_start',
        // MODIFY too: a start put again with a new requested_at is asked for again.
        eventNames: ['INSERT', 'MODIFY'],
        // Starts go one by one, a few tens of milliseconds each, with no batching
        // window: a workflow should begin as soon as its request has committed.
        batchSize: 10,
        deadLetters: this.deadLetters,
      }),
    );
  }
}
