import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { type LocalAws, startLocalAws } from '../../infra/local/local-aws.ts';
import { REPO_ROOT } from '../../infra/local/runtime.ts';
import { ensureTable } from '../../infra/local/table-setup.ts';

/**
 * Runs the local AWS stand-ins (Step Functions, EventBridge, SQS, the stream mapping)
 * from the synthesized template against this test file's table, and points the SDK at
 * them, as `npm start` does. Returns a getter for the running instance.
 */
export function useLocalAws(
  options: { waitMs?: number; streams?: boolean; schedulePeriodMs?: number } = {},
): () => LocalAws {
  let aws: LocalAws | undefined;
  beforeAll(async () => {
    const tableName = process.env.TABLE_NAME ?? '';
    const client = new DynamoDBClient({});
    await ensureTable(client, tableName);
    const described = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    client.destroy();
    aws = await startLocalAws({
      root: REPO_ROOT,
      tableName,
      streamArn: described.Table?.LatestStreamArn ?? '',
      dynamoEndpoint: inject('dynamoEndpoint'),
      cursorKey: process.env.CURSOR_SIGNING_KEY ?? '',
      waitMs: options.waitMs ?? 20,
      retryMs: 10,
      ...(options.schedulePeriodMs ? { schedulePeriodMs: options.schedulePeriodMs } : {}),
    });
    const { CURSOR_SIGNING_KEY: _ignored, ...environment } = aws.environment;
    Object.assign(process.env, environment);
    if (options.streams ?? true) aws.start();
  });
  afterAll(async () => {
    await aws?.stepFunctions.idle();
    await aws?.stop();
  });
  return () => {
    if (!aws) throw new Error('local AWS is not running yet');
    return aws;
  };
}
