import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ExecutionDoesNotExist,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { CreateEstateBody } from '../../../functions/domain/estates/estate-body.ts';
import { documentClient } from '../../../functions/store/client.ts';
import { listEvents, type StoredEvent } from '../../../functions/store/events.ts';
import * as keys from '../../../functions/store/keys.ts';
import type { LocalAws } from '../../../infra/local/local-aws.ts';
import { estateBody } from '../../support/factories.ts';
import { useLocalAws } from '../../support/local-aws.ts';

export { executionArnOf, workflowsSettled } from '../../support/local-aws.ts';

export interface LocalWorkflows {
  /** The local AWS stand-in running the synthesized state machines. */
  readonly aws: () => LocalAws;
  /** A Step Functions client pointed at the stand-in, built once the env is set. */
  readonly sfn: () => SFNClient;
}

/**
 * Runs the synthesized template's state machines against this test file's table, the
 * way the local runtime does (`useLocalAws`): handler modules imported afterwards
 * (tasks load on their first invocation) use the stand-ins, and the table's stream
 * feeds the workflow starter, so the starts requests write become executions.
 * Nothing publishes events and no schedule runs. Waits last 20 ms and retry
 * intervals 10 ms.
 */
export function useLocalWorkflows(): LocalWorkflows {
  const aws = useLocalAws({ streams: 'workflow starts' });
  let sfn: SFNClient | undefined;
  beforeAll(() => {
    sfn = new SFNClient({});
  });
  afterAll(() => {
    sfn?.destroy();
  });

  return {
    aws,
    sfn: () => {
      if (!sfn) throw new Error('the local workflows have not started');
      return sfn;
    },
  };
}

/**
 * Polls DescribeExecution until the execution has ended, and returns it. An execution
 * that does not exist yet is waited for too: the stream starts it after its request.
 */
export async function finished(
  sfn: SFNClient,
  executionArn: string,
  timeoutMs = 20_000,
): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const execution = await executionIfStarted(sfn, executionArn);
    if (execution && execution.status !== 'RUNNING') return execution;
    if (Date.now() > deadline) throw new Error(`${executionArn} has not ended`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function executionIfStarted(sfn: SFNClient, executionArn: string) {
  try {
    return await sfn.send(new DescribeExecutionCommand({ executionArn }));
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return undefined;
    throw error;
  }
}

/** A validated create-estate request for the spec's estate, under another name. */
export const estateInput = (name: string, overrides: Record<string, unknown> = {}) =>
  CreateEstateBody.parse(estateBody({ name, ...overrides }));

/** Every event in an estate's partition, in time order. */
export async function eventsOf(estateId: string): Promise<readonly StoredEvent[]> {
  return (await listEvents(estateId, {}, 100)).items;
}

/** The types of an estate's events, in time order. */
export const eventTypesOf = async (estateId: string) =>
  (await eventsOf(estateId)).map((event) => event.type);

/** The service lines in the table that point at an estate. */
export async function serviceLinesOf(estateId: string) {
  const result = await documentClient.send(
    new ScanCommand({
      TableName: process.env.TABLE_NAME,
      FilterExpression: 'entity = :entity AND estate_id = :estate',
      ExpressionAttributeValues: { ':entity': 'service_line', ':estate': estateId },
    }),
  );
  return result.Items ?? [];
}

/** The service line item stored under a LIN-* ID. */
export async function serviceLine(lineId: string) {
  const result = await documentClient.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.serviceLine(lineId) }),
  );
  return result.Item;
}
