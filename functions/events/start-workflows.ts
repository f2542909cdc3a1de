import {
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { logger } from '../platform/logger.ts';
import { isWorkflowName, WORKFLOWS } from '../platform/workflows.ts';

const sfn = new SFNClient({});

/** What a workflow start item holds, read straight from the stream image. */
interface Start {
  readonly workflow: string;
  readonly executionName: string;
  readonly input: string;
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

/** The start a record carries: a workflow start put or put again; anything else is not one. */
function startIn(record: DynamoDBRecord): Start | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName === 'REMOVE' || image?.entity?.S !== 'workflow_start')
    return undefined;
  return {
    workflow: image.workflow?.S ?? '',
    executionName: image.execution_name?.S ?? '',
    input: image.input?.S ?? '',
  };
}

function stateMachineOf(workflow: string): string {
  const arn = isWorkflowName(workflow) ? process.env[WORKFLOWS[workflow]] : undefined;
  if (!arn) throw new Error(`no state machine for the ${workflow} workflow`);
  return arn;
}

/**
 * Starts one execution under its deterministic name. Step Functions answers a start
 * of a running execution with the same input as a success, and refuses a name it
 * already ran; either way the work runs once, so the refusal counts as started.
 */
async function startExecution(start: Start): Promise<void> {
  const details = { workflow: start.workflow, execution_name: start.executionName };
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: stateMachineOf(start.workflow),
        name: start.executionName,
        input: start.input,
      }),
    );
    logger.info('workflow started', details);
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
    logger.info('workflow already started', details);
  }
}

/**
 * The workflow starter: the table's stream delivers each workflow start a request
 * committed, and this starts its execution. The first start that fails ends the
 * batch and is reported, so the event source mapping retries from that record on;
 * what keeps failing goes to the starter's dead-letter queue, which alarms.
 */
export async function handler(
  event: DynamoDBStreamEvent,
): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    const requested = startIn(record);
    if (!requested) continue;
    try {
      await startExecution(requested);
    } catch (error) {
      logger.warn('workflow start deferred', {
        error,
        workflow: requested.workflow,
        execution_name: requested.executionName,
      });
      return { batchItemFailures: [{ itemIdentifier: sequenceOf(record) }] };
    }
  }
  return { batchItemFailures: [] };
}
