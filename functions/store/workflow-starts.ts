import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkflowName } from '../platform/workflows.ts';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/**
 * How long a start item stays after it was last asked for: well beyond the stream's
 * 24 hours, so an operator chasing a start that reached the dead-letter queue still
 * finds the item (and can put it again) after a weekend.
 */
export const WORKFLOW_START_TTL_SECONDS = 7 * 24 * 60 * 60;

/** One execution of a workflow, asked for by a change to the table. */
export interface WorkflowStart {
  readonly workflow: WorkflowName;
  /** Deterministic, so Step Functions runs the execution once however often it is started. */
  readonly executionName: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/**
 * Builds the Put of a workflow start (the transactional outbox of Step Functions):
 * written in the transaction of the change that needs the workflow, it commits or
 * fails with that change, and the table's stream carries it to the starter
 * (`functions/events/start-workflows.ts`). It has no index keys, so no API read
 * meets it. Putting it again with a new `requested_at` makes the stream deliver it
 * again; a Put that changes nothing would not.
 */
export function buildPutWorkflowStart(start: WorkflowStart, now: Date) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.workflowStart(start.workflow, start.executionName),
      entity: 'workflow_start',
      workflow: start.workflow,
      execution_name: start.executionName,
      input: JSON.stringify(start.input),
      requested_at: now.toISOString(),
      expires_at: Math.floor(now.getTime() / 1000) + WORKFLOW_START_TTL_SECONDS,
    },
  };
}

/** Asks for a workflow start again, outside any transaction. */
export async function requestWorkflowStart(start: WorkflowStart): Promise<void> {
  await documentClient.send(new PutCommand(buildPutWorkflowStart(start, new Date())));
}
