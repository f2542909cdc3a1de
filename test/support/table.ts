import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll } from 'vitest';
import { ensureTable } from '../../infra/local/table-setup.ts';

/** Creates this test file's own table in DynamoDB Local before its tests run. */
export function useTable(): void {
  beforeAll(async () => {
    const client = new DynamoDBClient({});
    await ensureTable(client, process.env.TABLE_NAME ?? '');
    client.destroy();
  });
}
