import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PlatformEvent } from '../domain/events.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryPage } from './page.ts';
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

export interface StoredEvent extends PlatformEvent {
  /** When the publisher put the event on the bus; null until then. */
  readonly published_at: string | null;
}

/** Lists an estate's events in time order, one page at a time. */
export async function listEvents(
  estateId: string,
  filter: EventFilter,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<StoredEvent>> {
  const page = await queryPage(
    { ...buildListEvents(estateId, filter), ExclusiveStartKey: startKey },
    limit,
    [],
  );
  return {
    items: page.items.map((item) => toStoredEvent(stripKeys<StoredEvent>(item))),
    nextKey: page.nextKey,
  };
}

/** An event in the fixed field order the API shows. */
function toStoredEvent(item: StoredEvent): StoredEvent {
  return {
    event_id: item.event_id,
    type: item.type,
    time: item.time,
    workspace_id: item.workspace_id,
    estate_id: item.estate_id,
    service_line_id: item.service_line_id,
    subject_id: item.subject_id,
    data: item.data,
    published_at: item.published_at ?? null,
  };
}
