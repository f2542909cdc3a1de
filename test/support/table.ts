import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll } from 'vitest';
import { documentClient } from '../../functions/store/client.ts';
import { tableName } from '../../functions/store/table.ts';
import { ensureTable } from '../../infra/local/table-setup.ts';

/** Creates this test file's own table in DynamoDB Local before its tests run. */
export function useTable(): void {
  beforeAll(async () => {
    const client = new DynamoDBClient({});
    await ensureTable(client, process.env.TABLE_NAME ?? '');
    client.destroy();
  });
}

/**
 * Every item of this test file's table, or those of one entity: a Scan, which only
 * tests make — to prove what a request changed, or did not, in a table of their own.
 */
export async function tableItems(entity?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: tableName(),
        ExclusiveStartKey: startKey,
        ...(entity === undefined
          ? {}
          : {
              FilterExpression: 'entity = :entity',
              ExpressionAttributeValues: { ':entity': entity },
            }),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
