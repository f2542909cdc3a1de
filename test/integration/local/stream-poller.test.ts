import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { documentClient } from '../../../functions/store/client.ts';
import { tableName } from '../../../functions/store/table.ts';
import { StreamPoller } from '../../../infra/local/stream-poller.ts';
import { useTable } from '../../support/table.ts';

useTable();

describe('StreamPoller', () => {
  let streamArn = '';
  const pollers: StreamPoller[] = [];

  beforeAll(async () => {
    const client = new DynamoDBClient({});
    const described = await client.send(
      new DescribeTableCommand({ TableName: tableName() }),
    );
    client.destroy();
    streamArn = described.Table?.LatestStreamArn ?? '';
  });

  afterEach(async () => {
    await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
  });

  const put = (id: string) =>
    documentClient.send(
      new PutCommand({ TableName: tableName(), Item: { pk: `POLLTEST#${id}`, sk: 'X' } }),
    );

  /** Starts a poller that collects the keys of the items it is handed. */
  async function collecting(
    startingPosition: 'TRIM_HORIZON' | 'LATEST',
    maxIdlePollMs?: number,
  ) {
    const seen: string[] = [];
    const poller = new StreamPoller(inject('dynamoEndpoint'), {
      streamArn,
      startingPosition,
      pollMs: 20,
      ...(maxIdlePollMs ? { maxIdlePollMs } : {}),
      invoke: async (event) => {
        for (const record of (
          event as { Records: { dynamodb: { Keys: { pk: { S: string } } } }[] }
        ).Records)
          seen.push(record.dynamodb.Keys.pk.S);
      },
    });
    pollers.push(poller);
    await poller.start();
    return { seen, poller };
  }

  const until = async (done: () => boolean) => {
    for (let attempt = 0; attempt < 200 && !done(); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
  };

  it('hands on every record the stream holds when reading from the trim horizon', async () => {
    await put('before-1');

    const { seen } = await collecting('TRIM_HORIZON');
    await put('after-1');
    await until(() => seen.includes('POLLTEST#after-1'));

    expect(seen).toContain('POLLTEST#before-1');
    expect(seen).toContain('POLLTEST#after-1');
  });

  it('skips what an earlier run consumed when resuming at the latest record', async () => {
    await put('before-2');

    const { seen } = await collecting('LATEST');
    await put('after-2');
    await until(() => seen.includes('POLLTEST#after-2'));

    expect(seen).toEqual(['POLLTEST#after-2']);
  });

  it('backs off while idle and polls at once when nudged', async () => {
    // Idle for 3 s, the waits have grown 20, 40, … 1,280 ms and the poller is in a
    // 2,560 ms one: a record written now waits for the nudge.
    const { seen, poller } = await collecting('LATEST', 600_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));

    await put('nudged');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const beforeNudge = [...seen];
    poller.nudge();
    await until(() => seen.includes('POLLTEST#nudged'));

    expect(beforeNudge).toEqual([]);
    expect(seen).toEqual(['POLLTEST#nudged']);
  });
});
