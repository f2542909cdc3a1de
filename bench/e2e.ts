import { type LocalProcess, startLocalProcess } from '../test/support/local-process.ts';
import { ESTATE_BODY, ESTATES_PATH, WORKSPACE_ID } from './fixtures/requests.ts';
import { dynamoRequest, type Latency, measureLatency } from './http-latency.ts';

export interface EndToEnd {
  readonly connections: number;
  readonly seconds: number;
  readonly results: readonly Latency[];
}

export interface RuntimeHandle {
  readonly local: LocalProcess;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
}

/**
 * Starts the local runtime as `npm start --in-memory` in its own process, on a free
 * loopback port with a throwaway data folder and near-instant simulated provisioning.
 */
export async function startRuntime(): Promise<RuntimeHandle> {
  // The load is one workspace's: its per-minute rate limit would turn it into 429s.
  const local = await startLocalProcess({
    SIM_TIME_SCALE: '0.05',
    LOCAL_WAIT_MS: '20',
    WORKSPACE_RATE_LIMIT_PER_MINUTE: '0',
    LOCAL_SCHEDULE_SECONDS: '0',
  });
  const ready =
    /"message":"local runtime ready".*?"dynamodb":"([^"]+)","table":"([^"]+)"/.exec(
      local.output(),
    );
  if (!ready?.[1] || !ready[2]) {
    await local.stop();
    throw new Error(`cannot read the runtime's DynamoDB endpoint:\n${local.output()}`);
  }
  return { local, dynamoEndpoint: ready[1], tableName: ready[2] };
}

/** Creates estates through the API and returns their IDs. */
async function seed(runtime: RuntimeHandle, token: string, count: number) {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${runtime.local.url}${ESTATES_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(ESTATE_BODY),
    });
    const body = (await response.json()) as { data?: { id?: string } };
    if (response.status !== 202 || !body.data?.id)
      throw new Error(`seeding answered ${response.status}`);
    ids.push(body.data.id);
  }
  return ids;
}

/**
 * GET estate, list estates and POST estate through the local API, each beside the raw
 * DynamoDB Local call it rests on, with the same number of connections.
 */
export async function endToEnd(
  runtime: RuntimeHandle,
  connections: number,
  seconds: number,
): Promise<EndToEnd> {
  const token = await runtime.local.token();
  const [estateId] = await seed(runtime, token, 20);
  const auth = { authorization: `Bearer ${token}` };
  const api = runtime.local.url;
  const raw = (label: string, operation: 'GetItem' | 'Query', input: object) =>
    dynamoRequest(runtime.dynamoEndpoint, label, operation, {
      TableName: runtime.tableName,
      ...input,
    });
  const requests = [
    {
      label: 'GET estate',
      url: `${api}${ESTATES_PATH}/${estateId}`,
      method: 'GET',
      headers: auth,
    },
    raw('raw GetItem', 'GetItem', {
      Key: { pk: { S: `ESTATE#${estateId}` }, sk: { S: 'ESTATE' } },
    }),
    {
      label: 'list estates',
      url: `${api}${ESTATES_PATH}?workspace_id=${WORKSPACE_ID}`,
      method: 'GET',
      headers: auth,
    },
    // The store reads one item past the page (default limit 20) to know if more follow.
    raw('raw Query', 'Query', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `WORKSPACE#${WORKSPACE_ID}#ESTATES` } },
      Limit: 21,
    }),
    {
      label: 'POST estate',
      url: `${api}${ESTATES_PATH}`,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(ESTATE_BODY),
    },
  ] as const;
  const results: Latency[] = [];
  for (const request of requests)
    results.push(await measureLatency(request, connections, seconds));
  return { connections, seconds, results };
}
