import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAws, startLocalAws } from '../../../infra/local/local-aws.ts';
import { REPO_ROOT } from '../../../infra/local/runtime.ts';
import { eventually } from '../../support/http-client.ts';
import { tableItems, useTable } from '../../support/table.ts';
import { estateInput } from '../../workflow/support/local-workflows.ts';

// The bus refuses the first FAILURES PutEvents entries, more than the publisher's own
// retries absorb in one invocation, so the stream mapping has to retry the batch too.
const FAILURES = 12;

useTable();
let aws: LocalAws;

beforeAll(async () => {
  const tableName = process.env.TABLE_NAME ?? '';
  const client = new DynamoDBClient({});
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  client.destroy();
  aws = await startLocalAws({
    root: REPO_ROOT,
    tableName,
    streamArn: described.Table?.LatestStreamArn ?? '',
    dynamoEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
    cursorKey: process.env.CURSOR_SIGNING_KEY ?? '',
    waitMs: 20,
    retryMs: 10,
    failFirstEvents: FAILURES,
    scheduleSeconds: 0,
  });
  const { CURSOR_SIGNING_KEY: _kept, ...environment } = aws.environment;
  Object.assign(process.env, environment);
  aws.start();
});
afterAll(async () => {
  await aws?.stepFunctions.idle();
  await aws?.stop();
});

/** Every outbox event in the table: its ID and whether the publisher marked it. */
async function outbox(): Promise<{ id: string; published: boolean }[]> {
  return (await tableItems('event')).map((item) => ({
    id: String(item.event_id),
    published: Boolean(item.published_at),
  }));
}

const acceptedIds = () =>
  aws.bus.accepted.map((event) =>
    String((event.detail as { event_id?: unknown }).event_id),
  );

describe('the outbox publisher while PutEvents fails', () => {
  it('publishes every event exactly once per event_id in the end', async () => {
    const { createEstate } = await import(
      '../../../functions/domain/estates/create-estate.ts'
    );

    for (const name of ['Outbox One', 'Outbox Two', 'Outbox Three'])
      await createEstate(estateInput(name));
    await aws.stepFunctions.idle();
    const events = await eventually(async () => {
      const items = await outbox();
      return items.length > 0 && items.every((item) => item.published)
        ? items
        : undefined;
    }, 60_000);
    await aws.bus.idle();

    const accepted = acceptedIds();
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect([...accepted].sort()).toEqual(events.map((event) => event.id).sort());
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(aws.queues.messages(process.env.DEAD_LETTER_QUEUE_URL ?? '')).toEqual([]);
  });
});
