import { createHash } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** Partitions the roster spreads over; the schedule reads each one. */
export const ROSTER_SHARDS = 4;

/** The roster partition an estate belongs to, from a digest of its ID. */
export const shardOf = (estateId: string) =>
  (createHash('sha256').update(estateId).digest()[0] ?? 0) % ROSTER_SHARDS;

export interface RosterEntry {
  readonly estate_id: string;
  readonly workspace_id: string;
}

/** Puts an estate on the health roster (again, harmlessly). */
export async function enrolEstate(entry: RosterEntry, now: string): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.healthRoster(shardOf(entry.estate_id), entry.estate_id),
        entity: 'health_roster',
        ...entry,
        enrolled_at: now,
      },
    }),
  );
}

/** Takes an estate off the health roster. */
export async function withdrawEstate(estateId: string): Promise<void> {
  await documentClient.send(
    new DeleteCommand({
      TableName: tableName(),
      Key: keys.healthRoster(shardOf(estateId), estateId),
    }),
  );
}

/** Every estate on one roster partition, in ID order. */
export async function rosterShard(shard: number): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `HEALTHROSTER#${shard}` },
        ProjectionExpression: 'estate_id',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) ids.push(String(item.estate_id));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return ids;
}
