import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { CreateEstateBody } from '../../../functions/domain/estates/estate-body.ts';
import type { WorkflowName } from '../../../functions/platform/workflows.ts';
import { documentClient } from '../../../functions/store/client.ts';
import { listEvents, type StoredEvent } from '../../../functions/store/events.ts';
import * as keys from '../../../functions/store/keys.ts';
import { type LocalAws, startLocalAws } from '../../../infra/local/local-aws.ts';
import { REPO_ROOT } from '../../../infra/local/runtime.ts';
import { estateBody } from '../../support/factories.ts';

/** The variable holding each workflow's state machine ARN. */
const MACHINE_VARIABLES: Record<WorkflowName, string> = {
  provisioning: 'PROVISIONING_STATE_MACHINE_ARN',
  deprovisioning: 'DEPROVISIONING_STATE_MACHINE_ARN',
  deployment: 'DEPLOYMENT_STATE_MACHINE_ARN',
};

export interface LocalWorkflows {
  /** The local AWS stand-in running the synthesized state machines. */
  readonly aws: () => LocalAws;
  /** A Step Functions client pointed at the stand-in, built once the env is set. */
  readonly sfn: () => SFNClient;
}

/**
 * Runs the synthesized template's state machines against this test file's table, the
 * way the local runtime does: the stand-in's environment goes into process.env, so
 * handler modules imported afterwards (tasks load on their first invocation) use it.
 * Waits last 20 ms and retry intervals 10 ms. The table must exist first (`useTable`).
 */
export function useLocalWorkflows(): LocalWorkflows {
  let aws: LocalAws | undefined;
  let sfn: SFNClient | undefined;

  beforeAll(async () => {
    const tableName = process.env.TABLE_NAME ?? '';
    const client = new DynamoDBClient({});
    const described = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    client.destroy();
    aws = await startLocalAws({
      root: REPO_ROOT,
      tableName,
      streamArn: described.Table?.LatestStreamArn ?? '',
      dynamoEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
      cursorKey: process.env.CURSOR_SIGNING_KEY ?? '',
      waitMs: 20,
      retryMs: 10,
    });
    Object.assign(process.env, aws.environment);
    sfn = new SFNClient({});
  });
  afterAll(async () => {
    await aws?.stepFunctions.idle();
    await aws?.stop();
    sfn?.destroy();
  });

  return {
    aws: () => {
      if (!aws) throw new Error('the local workflows have not started');
      return aws;
    },
    sfn: () => {
      if (!sfn) throw new Error('the local workflows have not started');
      return sfn;
    },
  };
}

/** The ARN of a workflow's execution with this name, as Step Functions forms it. */
export function executionArnOf(workflow: WorkflowName, name: string): string {
  const machine = process.env[MACHINE_VARIABLES[workflow]] ?? '';
  return `${machine.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** Polls DescribeExecution until the execution has ended, and returns it. */
export async function finished(
  sfn: SFNClient,
  executionArn: string,
  timeoutMs = 20_000,
): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (execution.status !== 'RUNNING') return execution;
    if (Date.now() > deadline) throw new Error(`${executionArn} is still running`);
    await new Promise((resolve) => setTimeout(resolve, 20));
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
