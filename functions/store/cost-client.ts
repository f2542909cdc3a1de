import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { tableName } from './table.ts';

/** A number as read (a number, a bigint past 2^53, or its decimal text) as a bigint; absent is zero. */
export function asBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (typeof value === 'string') return BigInt(value);
  if (value && typeof value === 'object' && 'value' in value)
    return BigInt(String(value.value));
  return 0n;
}

/** A number read by the cost client as a plain number (counts, versions). */
export const asNumber = (value: unknown): number => Number(asBigInt(value));

/**
 * Reads items by key in batches of 100, retrying what DynamoDB left unprocessed.
 * Items come back in no particular order; absent keys are simply missing.
 */
export async function batchGet(
  itemKeys: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const table = tableName();
  for (let start = 0; start < itemKeys.length; start += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table]: {
        Keys: itemKeys.slice(start, start + 100),
      },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await documentClient.send(
        new BatchGetCommand({ RequestItems: request }),
      );
      items.push(...(result.Responses?.[table] ?? []));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return items;
}

/** Removes duplicate keys (BatchGetItem refuses them). */
export function uniqueKeys<K extends { pk: string; sk: string }>(
  list: readonly K[],
): K[] {
  const seen = new Map<string, K>();
  for (const key of list) seen.set(`${key.pk}\n${key.sk}`, key);
  return [...seen.values()];
}
