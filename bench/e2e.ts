import { fork } from 'node:child_process';
import { join } from 'node:path';
import { environmentBody, serviceBody } from '../test/support/factories.ts';
import { type LocalProcess, startLocalProcess } from '../test/support/local-process.ts';
import { ESTATE_BODY, ESTATES_PATH, WORKSPACE_ID } from './fixtures/requests.ts';
import {
  compareLatency,
  dynamoRequest,
  type Latency,
  measureLatency,
} from './http-latency.ts';
import { localDynamoEnvironment } from './local-dynamo.ts';

const BARE_SERVER = join(import.meta.dirname, 'fixtures', 'bare-server.ts');

export interface EndToEnd {
  readonly connections: number;
  readonly seconds: number;
  readonly rounds: number;
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

/** Starts the bare SDK server (bench/fixtures/bare-server.ts) in its own process. */
async function startBareServer(runtime: RuntimeHandle) {
  const child = fork(BARE_SERVER, [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: localDynamoEnvironment({
      endpoint: runtime.dynamoEndpoint,
      tableName: runtime.tableName,
    }),
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      if (child.connected) child.disconnect();
      else child.kill();
      await exited;
    },
  };
}

type Api = (method: string, path: string, body?: unknown) => Promise<Response>;

async function expectStatus(response: Response, status: number, what: string) {
  if (response.status !== status)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { data: Record<string, unknown> };
}

/** Creates estates through the API and returns their IDs. */
async function seedEstates(api: Api, count: number) {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const reply = await expectStatus(
      await api('POST', ESTATES_PATH, ESTATE_BODY),
      202,
      'seeding an estate',
    );
    ids.push(String(reply.data.id));
  }
  return ids;
}

/**
 * Gives an estate a month of costs through the API: once it is active, three
 * environments with one service each, and two metrics per service for every day of
 * the month so far. Answers the month's first day and today.
 */
async function seedCosts(api: Api, estateId: string) {
  for (let attempt = 0; ; attempt += 1) {
    const estate = await expectStatus(
      await api('GET', `${ESTATES_PATH}/${estateId}`),
      200,
      'reading the estate',
    );
    if (estate.data.status === 'active') break;
    if (estate.data.status !== 'provisioning' || attempt > 200)
      throw new Error(`the estate to cost ended ${String(estate.data.status)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  const services: string[] = [];
  for (const name of ['production', 'staging', 'development']) {
    const environment = await expectStatus(
      await api(
        'POST',
        '/v1/infrastructure/environments',
        environmentBody(estateId, { name, type: name }),
      ),
      201,
      `creating ${name}`,
    );
    const service = await expectStatus(
      await api(
        'POST',
        '/v1/infrastructure/services',
        serviceBody(String(environment.data.id)),
      ),
      202,
      `creating the ${name} service`,
    );
    services.push(String(service.data.id));
  }
  const today = new Date().toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;
  const records = [];
  for (let day = 1; day <= Number(today.slice(8, 10)); day += 1)
    for (const serviceId of services)
      for (const metric of ['vcpu_hours', 'memory_gb_hours'])
        records.push({
          record_id: `bench-${serviceId}-${day}-${metric}`,
          service_id: serviceId,
          metric,
          quantity: 24,
          time: `${monthStart.slice(0, 8)}${String(day).padStart(2, '0')}T00:00:00Z`,
          source: 'bench',
        });
  await expectStatus(
    await api('POST', '/v1/infrastructure/usage', { records }),
    200,
    'recording usage',
  );
  return { from: monthStart, to: today };
}

/**
 * GET estate, list estates, a month's costs and POST estate through the local API.
 * Each read is measured beside the same DynamoDB call made two other ways, with the
 * same number of connections: through a bare Node HTTP server that makes the call
 * with the SDK and answers the raw result (the thinnest API over DynamoDB Local there
 * is: the ratio to it is what the platform adds), and straight on the wire to
 * DynamoDB Local (what DynamoDB Local alone takes). The three share the run in
 * interleaved rounds (see `compareLatency`), `seconds` each in all.
 */
export async function endToEnd(
  runtime: RuntimeHandle,
  connections: number,
  seconds: number,
  rounds: number,
): Promise<EndToEnd> {
  const token = await runtime.local.token();
  const auth = { authorization: `Bearer ${token}` };
  const apiUrl = runtime.local.url;
  const api: Api = (method, path, body) =>
    fetch(`${apiUrl}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const [estateId = ''] = await seedEstates(api, 20);
  const period = await seedCosts(api, estateId);
  const bare = await startBareServer(runtime);
  const wire = (label: string, operation: 'GetItem' | 'Query', input: object) =>
    dynamoRequest(runtime.dynamoEndpoint, label, operation, {
      TableName: runtime.tableName,
      ...input,
    });
  const get = (label: string, url: string, headers: Record<string, string> = {}) =>
    ({ label, url, method: 'GET', headers }) as const;
  const comparisons = [
    [
      get('GET estate', `${apiUrl}${ESTATES_PATH}/${estateId}`, auth),
      get('bare GetItem', `${bare.url}/item/${estateId}`),
      wire('wire GetItem', 'GetItem', {
        Key: { pk: { S: `ESTATE#${estateId}` }, sk: { S: 'ESTATE' } },
      }),
    ],
    [
      get('list estates', `${apiUrl}${ESTATES_PATH}?workspace_id=${WORKSPACE_ID}`, auth),
      // The store reads one item past the page (default limit 20) to know if more follow.
      get('bare Query', `${bare.url}/list/${WORKSPACE_ID}`),
      wire('wire Query', 'Query', {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `WORKSPACE#${WORKSPACE_ID}#ESTATES` } },
        Limit: 21,
      }),
    ],
    [
      get(
        'month of costs',
        `${apiUrl}/v1/infrastructure/costs?estate_id=${estateId}&from=${period.from}&to=${period.to}&group_by=environment`,
        auth,
      ),
      get(
        'bare cost Query',
        `${bare.url}/days/${estateId}?from=${period.from}&to=${period.to}`,
      ),
    ],
  ] as const;
  const results: Latency[] = [];
  try {
    for (const group of comparisons)
      results.push(...(await compareLatency(group, connections, seconds, rounds)));
  } finally {
    await bare.stop();
  }
  // Writes have no baseline to compare with: measured on their own, last, since
  // every POST starts a provisioning workflow in the runtime.
  results.push(
    await measureLatency(
      {
        label: 'POST estate',
        url: `${apiUrl}${ESTATES_PATH}`,
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(ESTATE_BODY),
      },
      connections,
      seconds,
    ),
  );
  return { connections, seconds, rounds, results };
}
