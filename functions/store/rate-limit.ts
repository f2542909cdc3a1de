import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

/**
 * Builds the atomic count of one request in a workspace's window: a single UpdateItem
 * that creates the counter on first use and lets TTL remove it once the window is over.
 */
export function buildCountRequest(
  workspaceId: string,
  windowStart: number,
  expiresAt: number,
) {
  return {
    TableName: tableName(),
    Key: keys.rateLimit(workspaceId, windowStart),
    UpdateExpression: 'ADD #count :one SET entity = :entity, expires_at = :exp',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':one': 1, ':entity': 'rate_limit', ':exp': expiresAt },
    ReturnValues: 'UPDATED_NEW' as const,
  };
}

/** Counts one request and returns how many the window has seen, this one included. */
export async function countRequest(
  ...args: Parameters<typeof buildCountRequest>
): Promise<number> {
  const result = await documentClient.send(new UpdateCommand(buildCountRequest(...args)));
  const count = result.Attributes?.count;
  if (typeof count !== 'number') throw new Error('rate-limit counter returned no count');
  return count;
}
