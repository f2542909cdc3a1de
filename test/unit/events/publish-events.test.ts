import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../../../functions/domain/events.ts';
import { handler } from '../../../functions/events/publish-events.ts';
import { documentClient } from '../../../functions/store/client.ts';
import * as keys from '../../../functions/store/keys.ts';
import { useTable } from '../../support/table.ts';
import {
  anEvent,
  insertsOf,
  outboxItem,
  sequenceNumber,
  someEvents,
  store,
  streamRecord,
} from './factories.ts';

useTable();

const BUS = 'platforms-infrastructure-test';
const QUEUE = 'http://127.0.0.1:4566/000000000000/EventsDeadLetters';
process.env.EVENT_BUS_NAME = BUS;
process.env.DEAD_LETTER_QUEUE_URL = QUEUE;

const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);

/** Answers PutEvents entry by entry: an error code fails the entry, undefined accepts it. */
function putEventsAnswers(
  errorFor: (entry: PutEventsRequestEntry, call: number) => string | undefined,
): void {
  let call = 0;
  eventBridge.on(PutEventsCommand).callsFake(({ Entries = [] }) => {
    call += 1;
    const results: PutEventsResultEntry[] = Entries.map(
      (entry: PutEventsRequestEntry, index: number) => {
        const code = errorFor(entry, call);
        return code
          ? { ErrorCode: code, ErrorMessage: `${code} for this entry` }
          : { EventId: `eb-${call}-${index}` };
      },
    );
    return {
      FailedEntryCount: results.filter((result) => result.ErrorCode).length,
      Entries: results,
    };
  });
}

const failing = (event: PlatformEvent, code: string, times = Infinity) => {
  let failures = 0;
  return (entry: PutEventsRequestEntry) => {
    if (entry.Detail === undefined || !entry.Detail.includes(event.event_id)) return;
    failures += 1;
    return failures <= times ? code : undefined;
  };
};

/** The events of every PutEvents call, in the order they were sent. */
const sentCalls = () =>
  eventBridge
    .commandCalls(PutEventsCommand)
    .map((call) =>
      (call.args[0].input.Entries ?? []).map(
        (entry) => JSON.parse(entry.Detail ?? '{}').event_id as string,
      ),
    );

async function publishedAt(event: PlatformEvent): Promise<unknown> {
  const result = await documentClient.send(
    new GetCommand({
      TableName: process.env.TABLE_NAME,
      Key: keys.event(event.estate_id, event.time, event.event_id),
    }),
  );
  return result.Item?.published_at;
}

const ids = (events: readonly PlatformEvent[]) => events.map((event) => event.event_id);

beforeEach(() => {
  eventBridge.reset();
  sqs.reset();
  putEventsAnswers(() => undefined);
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
});

describe('publish-events handler', () => {
  it('puts outbox inserts on the bus in order, ten entries a call', async () => {
    const events = someEvents(23);
    await store(...events.map(outboxItem));

    const response = await handler(insertsOf(events.map(outboxItem)));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(sentCalls().map((call) => call.length)).toEqual([10, 10, 3]);
    expect(sentCalls().flat()).toEqual(ids(events));
    const entry =
      eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect({ ...entry, Detail: JSON.parse(entry?.Detail ?? '{}') }).toEqual({
      EventBusName: BUS,
      Source: 'platform.infrastructure',
      DetailType: 'infrastructure.estate.ready',
      Detail: events[0],
      Time: new Date(events[0]?.time ?? ''),
    });
  });

  it('marks every delivered event published', async () => {
    const events = someEvents(3);
    await store(...events.map(outboxItem));

    await handler(insertsOf(events.map(outboxItem)));

    for (const event of events)
      expect(await publishedAt(event)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('resends only the entry a partial failure left out', async () => {
    const events = someEvents(3);
    await store(...events.map(outboxItem));
    const [, second] = events;
    if (!second) throw new Error('factory made too few events');
    putEventsAnswers(failing(second, 'InternalFailure', 1));

    const response = await handler(insertsOf(events.map(outboxItem)));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(sentCalls()).toEqual([ids(events), [second.event_id]]);
    for (const event of events) expect(await publishedAt(event)).toBeDefined();
  });

  it('reports the first undelivered record when an entry keeps failing', async () => {
    const events = someEvents(12);
    await store(...events.map(outboxItem));
    const stuck = events[3];
    if (!stuck) throw new Error('factory made too few events');
    putEventsAnswers(failing(stuck, 'ThrottlingException'));

    const response = await handler(insertsOf(events.map(outboxItem)));

    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: sequenceNumber(4) }],
    });
    expect(sentCalls()).toHaveLength(4);
    expect(sentCalls().slice(1)).toEqual([
      [stuck.event_id],
      [stuck.event_id],
      [stuck.event_id],
    ]);
    expect(await publishedAt(stuck)).toBeUndefined();
    expect(await publishedAt(events[4] ?? stuck)).toBeDefined();
    expect(sentCalls().flat()).not.toContain(events[10]?.event_id);
  });

  it('dead-letters an entry the bus refuses as malformed and delivers the rest', async () => {
    const events = someEvents(3);
    await store(...events.map(outboxItem));
    const [, poison] = events;
    if (!poison) throw new Error('factory made too few events');
    putEventsAnswers(failing(poison, 'MalformedDetail'));

    const response = await handler(insertsOf(events.map(outboxItem)));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(sentCalls()).toEqual([ids(events)]);
    const [letter] = sqs.commandCalls(SendMessageCommand);
    expect(letter?.args[0].input.QueueUrl).toBe(QUEUE);
    expect(JSON.parse(letter?.args[0].input.MessageBody ?? '{}')).toEqual({
      reason: 'put_events_MalformedDetail',
      payload: poison,
    });
    expect(await publishedAt(poison)).toBeUndefined();
    expect(await publishedAt(events[2] ?? poison)).toBeDefined();
  });

  it('dead-letters an invalid event item without blocking the rest', async () => {
    const [before, after] = someEvents(2);
    if (!before || !after) throw new Error('factory made too few events');
    const invalid = { ...outboxItem(anEvent()), type: 'estate.ready' };
    await store(outboxItem(before), invalid, outboxItem(after));

    const response = await handler(
      insertsOf([outboxItem(before), invalid, outboxItem(after)]),
    );

    expect(response).toEqual({ batchItemFailures: [] });
    expect(sentCalls()).toEqual([ids([before, after])]);
    const [letter] = sqs.commandCalls(SendMessageCommand);
    expect(JSON.parse(letter?.args[0].input.MessageBody ?? '{}')).toMatchObject({
      reason: 'invalid_event',
      payload: { type: 'estate.ready', entity: 'event' },
    });
  });

  it('does not emit an event already marked published again', async () => {
    const [replayed, fresh] = someEvents(2);
    if (!replayed || !fresh) throw new Error('factory made too few events');
    await store(outboxItem(replayed), outboxItem(fresh));
    await handler(insertsOf([outboxItem(replayed)]));
    eventBridge.resetHistory();

    const response = await handler(insertsOf([outboxItem(replayed), outboxItem(fresh)]));

    expect(response).toEqual({ batchItemFailures: [] });
    expect(sentCalls()).toEqual([[fresh.event_id]]);
  });

  it('ignores records that are not outbox inserts', async () => {
    const event = anEvent();
    await store(outboxItem(event));
    const estate = { pk: 'ESTATE#ESTATE-26-000004', sk: 'ESTATE', entity: 'estate' };
    const withoutImage = streamRecord('INSERT', outboxItem(event), 4);
    delete withoutImage.dynamodb?.NewImage;

    const response = await handler({
      Records: [
        streamRecord('MODIFY', { ...outboxItem(event), published_at: 'x' }, 1),
        streamRecord('REMOVE', outboxItem(event), 2),
        streamRecord('INSERT', estate, 3),
        withoutImage,
      ],
    });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
    expect(await publishedAt(event)).toBeUndefined();
  });
});
