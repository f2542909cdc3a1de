import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformEvent } from '../domain/events.ts';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

const eventKey = (event: PlatformEvent) =>
  keys.event(event.estate_id, event.time, event.event_id);

/** The IDs among these events that the publisher has already put on the bus. */
export async function publishedEventIds(
  events: readonly PlatformEvent[],
): Promise<Set<string>> {
  const published = new Set<string>();
  for (let start = 0; start < events.length; start += 100) {
    let request:
      | Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string }>
      | undefined = {
      [tableName()]: {
        Keys: events.slice(start, start + 100).map(eventKey),
        ProjectionExpression: 'event_id, published_at',
      },
    };
    while (request && Object.keys(request).length > 0) {
      const result = await documentClient.send(
        new BatchGetCommand({ RequestItems: request }),
      );
      for (const item of result.Responses?.[tableName()] ?? []) {
        if (item.published_at) published.add(String(item.event_id));
      }
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return published;
}

/** Records that an event reached the bus, so a replayed stream record is not sent again. */
export async function markPublished(event: PlatformEvent): Promise<void> {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: eventKey(event),
      UpdateExpression: 'SET published_at = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':now': new Date().toISOString() },
    }),
  );
}
