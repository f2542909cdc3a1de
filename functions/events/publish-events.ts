import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { EVENT_SOURCE, type PlatformEvent } from '../domain/events.ts';
import { logger } from '../platform/logger.ts';
import { markPublished, publishedEventIds } from '../store/outbox.ts';
import { PlatformEventSchema } from './event-schema.ts';

const eventBridge = new EventBridgeClient({});
const sqs = new SQSClient({});

/** PutEvents error codes that a retry cannot fix: the entry itself is bad. */
const POISON_CODES = new Set([
  'MalformedDetail',
  'InvalidArgument',
  'ValidationException',
]);
const ATTEMPTS = 4;
const BACKOFF_MS = 100;

interface Outgoing {
  readonly record: DynamoDBRecord;
  readonly event: PlatformEvent;
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

function toEntry(event: PlatformEvent): PutEventsRequestEntry {
  return {
    EventBusName: process.env.EVENT_BUS_NAME,
    Source: EVENT_SOURCE,
    DetailType: event.type,
    Detail: JSON.stringify(event),
    Time: new Date(event.time),
  };
}

async function deadLetter(reason: string, payload: unknown): Promise<void> {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: process.env.DEAD_LETTER_QUEUE_URL,
      MessageBody: JSON.stringify({ reason, payload }),
    }),
  );
  logger.error('event dead-lettered', { reason });
}

/** Reads outbox inserts from a stream batch; a record that is not a valid event is dead-lettered. */
async function outgoing(records: readonly DynamoDBRecord[]): Promise<Outgoing[]> {
  const result: Outgoing[] = [];
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image) continue;
    const item = unmarshall(image as Parameters<typeof unmarshall>[0]);
    if (item.entity !== 'event') continue;
    const parsed = PlatformEventSchema.safeParse(item);
    if (parsed.success) result.push({ record, event: parsed.data });
    else await deadLetter('invalid_event', item);
  }
  return result;
}

/**
 * Sends events in order, ten at a time, retrying the entries PutEvents reports as
 * failed. Returns the first event that could not be delivered yet, if any.
 */
async function send(batch: readonly Outgoing[]): Promise<Outgoing | undefined> {
  for (let start = 0; start < batch.length; start += 10) {
    let pending = batch.slice(start, start + 10);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const response = await eventBridge.send(
        new PutEventsCommand({ Entries: pending.map((o) => toEntry(o.event)) }),
      );
      const results = response.Entries ?? [];
      const retry: Outgoing[] = [];
      for (const [index, item] of pending.entries()) {
        const code = results[index]?.ErrorCode;
        if (!code) await markPublished(item.event);
        else if (POISON_CODES.has(code))
          await deadLetter(`put_events_${code}`, item.event);
        else retry.push(item);
      }
      pending = retry;
      if (pending.length > 0 && attempt >= ATTEMPTS) return pending[0];
      if (pending.length > 0)
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** attempt));
    }
  }
  return undefined;
}

/**
 * The outbox publisher: the table's stream delivers each committed event; this puts
 * it on the platform bus exactly once per event ID as far as it can tell (events
 * already marked published are skipped), and reports the first undeliverable record
 * so the event source mapping retries from there, keeping order.
 */
export async function handler(
  event: DynamoDBStreamEvent,
): Promise<DynamoDBBatchResponse> {
  const candidates = await outgoing(event.Records);
  const published = await publishedEventIds(
    candidates.map((candidate) => candidate.event),
  );
  const fresh = candidates.filter(
    (candidate) => !published.has(candidate.event.event_id),
  );
  const stuck = await send(fresh);
  if (!stuck) return { batchItemFailures: [] };
  logger.warn('event delivery deferred', { event_id: stuck.event.event_id });
  return { batchItemFailures: [{ itemIdentifier: sequenceOf(stuck.record) }] };
}
