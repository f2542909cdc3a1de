import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { batchGet, uniqueKeys } from './cost-client.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

/** The names of an estate's environments by ID: one Query of gsi1, names only. */
export async function environmentNames(estateId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.estateEnvironments(estateId) },
        ExpressionAttributeNames: { '#name': 'name' },
        ProjectionExpression: 'id, #name',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) names.set(String(item.id), String(item.name));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return names;
}

/** The names of services by ID, in one BatchGetItem per 100; deleted ones are missing. */
export async function serviceNames(ids: readonly string[]): Promise<Map<string, string>> {
  const items = await batchGet(
    uniqueKeys(ids.map((id) => keys.service(id))),
    documentClient,
  );
  return new Map(items.map((item) => [String(item.id), String(item.name)]));
}
