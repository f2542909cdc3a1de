import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { cursorKey, stripKeys } from './items.ts';
import { tableName } from './table.ts';

export interface Page<T> {
  readonly items: readonly T[];
  /** Key of the last item returned when more items follow, else undefined. */
  readonly nextKey: Record<string, unknown> | undefined;
}

/**
 * Runs a Query and returns exactly `limit` items when that many exist, with a next key
 * only when more follow. It reads one item past the limit to know; with a filter it
 * keeps reading until the page is full or the partition ends.
 */
export async function queryPage(
  input: QueryCommandInput,
  limit: number,
  indexKeys: readonly string[],
): Promise<Page<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  let startKey = input.ExclusiveStartKey;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        ...input,
        ExclusiveStartKey: startKey,
        Limit: limit + 1 - items.length,
      }),
    );
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey && items.length <= limit);
  if (items.length <= limit) return { items, nextKey: undefined };
  const page = items.slice(0, limit);
  const last = page[page.length - 1] ?? {};
  return { items: page, nextKey: cursorKey(last, indexKeys) };
}

/** Every item of one gsi1 partition, store attributes stripped; for partitions known to be small. */
export async function queryAllOfGsi1<T>(partition: string): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) items.push(stripKeys<T>(item));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
}
