import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { newEvent, type PlatformEvent } from '../../../functions/domain/events.ts';
import { documentClient } from '../../../functions/store/client.ts';
import { buildPutEvent } from '../../../functions/store/events.ts';

type Item = Record<string, unknown>;

/** An `infrastructure.estate.ready` event of the payments estate, with overrides. */
export const anEvent = (overrides: Partial<PlatformEvent> = {}): PlatformEvent => ({
  ...newEvent(
    {
      type: 'infrastructure.estate.ready',
      workspace_id: 'WS-26-000021',
      estate_id: 'ESTATE-26-000004',
      service_line_id: 'LIN-26-000007',
      subject_id: 'ESTATE-26-000004',
      data: { name: 'Payments Platform Infrastructure', status: 'active' },
    },
    new Date().toISOString(),
  ),
  ...overrides,
});

/** `count` distinct events, each one a millisecond after the previous. */
export const someEvents = (count: number): PlatformEvent[] =>
  Array.from({ length: count }, (_, index) =>
    anEvent({ time: new Date(Date.UTC(2026, 11, 4, 12, 0, 0, index)).toISOString() }),
  );

/** The outbox item the store writes for an event. */
export const outboxItem = (event: PlatformEvent): Item => buildPutEvent(event).Item;

/** Writes items to the test file's table, as the domain's transactions would. */
export async function store(...items: readonly Item[]): Promise<void> {
  for (const item of items)
    await documentClient.send(
      new PutCommand({ TableName: process.env.TABLE_NAME, Item: item }),
    );
}

const image = (item: Item) =>
  marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;

/** A stream record as Lambda hands it over; the sequence number orders the batch. */
export function streamRecord(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  item: Item,
  sequence: number,
): DynamoDBRecord {
  const keys = image({ pk: item.pk, sk: item.sk });
  return {
    eventID: `record-${sequence}`,
    eventName,
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      Keys: keys,
      ...(eventName === 'REMOVE' ? { OldImage: image(item) } : { NewImage: image(item) }),
      SequenceNumber: sequenceNumber(sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** The stream sequence number of the `sequence`-th record. */
export const sequenceNumber = (sequence: number) =>
  String(4_100_000_000_000 + sequence).padStart(21, '0');

/** A stream batch of one INSERT per item, numbered from 1. */
export const insertsOf = (items: readonly Item[]): DynamoDBStreamEvent => ({
  Records: items.map((item, index) => streamRecord('INSERT', item, index + 1)),
});
