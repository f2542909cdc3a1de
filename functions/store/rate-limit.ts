import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/**
 * Builds the atomic addition of `count` requests to a workspace's window: a single
 * UpdateItem that creates the counter on first use and lets TTL remove it once the
 * window is over.
 */
export function buildCountRequests(
  workspaceId: string,
  windowStart: number,
  expiresAt: number,
  count: number,
) {
  return {
    TableName: tableName(),
    Key: keys.rateLimit(workspaceId, windowStart),
    UpdateExpression: 'ADD #count :n SET entity = :entity, expires_at = :exp',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: {
      ':n': count,
      ':entity': 'rate_limit',
      ':exp': expiresAt,
    },
    ReturnValues: 'UPDATED_NEW' as const,
  };
}

/** Adds requests to a window's counter and returns how many it has seen, these included. */
export async function countRequests(
  ...args: Parameters<typeof buildCountRequests>
): Promise<number> {
  const result = await documentClient.send(
    new UpdateCommand(buildCountRequests(...args)),
  );
  const count = result.Attributes?.count;
  if (typeof count !== 'number') throw new Error('rate-limit counter returned no count');
  return count;
}
