import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PlatformEvent } from '../domain/events.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

/**
 * Builds the outbox Put for an event. The event lives in its estate's partition, so
 * it doubles as the estate's audit trail; the table's stream carries it to the bus.
 */
export function buildPutEvent(event: PlatformEvent) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.event(event.estate_id, event.time, event.event_id),
      entity: 'event',
      ...event,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

export interface EventFilter {
  readonly type?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Builds the Query for an estate's events in time order. */
export function buildListEvents(
  estateId: string,
  filter: EventFilter,
): QueryCommandInput {
  const from = `EVENT#${filter.from ?? ''}`;
  const to = `EVENT#${filter.to ?? '9999'}\uffff`;
  return {
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': keys.estate(estateId).pk,
      ':from': from,
      ':to': to,
      ...(filter.type ? { ':type': filter.type } : {}),
    },
    ...(filter.type
      ? {
          FilterExpression: '#type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
        }
      : {}),
  };
}
