// Runs in its own process (stdout discarded, as the access log writes to it): times
// the middy chain around an action returning a fixed body against a bare handler
// returning the same, one invocation at a time, and reports the per-invocation
// microseconds to its parent.
import * as z from 'zod/mini';
import type { HttpEvent, HttpResponse } from '../../functions/platform/http.ts';
import { httpHandler } from '../../functions/platform/http.ts';
import { toGatewayEvent } from '../../infra/local/gateway-event.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';

const ESTATE_ID = 'ESTATE-26-000004';
const BODY = {
  data: {
    id: ESTATE_ID,
    workspace_id: 'WS-26-000021',
    name: 'Payments Platform Infrastructure',
    provider: 'aws',
    region: 'eu-west-1',
    tier: 'managed',
    status: 'active',
    created_at: '2026-03-01T10:00:00.000Z',
    updated_at: '2026-03-01T10:00:09.000Z',
  },
};

const EVENT = toGatewayEvent({
  method: 'GET',
  url: `/v1/infrastructure/estates/${ESTATE_ID}`,
  headers: {
    host: 'api.example.com',
    authorization: `Bearer ${'x'.repeat(700)}`,
    accept: 'application/json',
    'user-agent': 'ci-pipeline/1.0',
    'x-forwarded-for': '203.0.113.7',
  },
  body: Buffer.alloc(0),
  sourceIp: '203.0.113.7',
  routeKey: 'GET /v1/infrastructure/estates/{id}',
  pathParameters: { id: ESTATE_ID },
  claims: {
    sub: 'USR-26-000001',
    workspace_id: 'WS-26-000021',
    scope: 'read write deploy',
    iss: 'https://auth.example.com/',
    aud: 'platforms-infrastructure-api',
    exp: '1893456000',
    iat: '1767225600',
  },
  requestId: 'bench-request=',
  now: new Date('2026-03-01T10:00:10Z'),
});

type Handler = (
  event: HttpEvent,
  context: ReturnType<typeof lambdaContext>,
) => Promise<HttpResponse>;

const chained: Handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: z.string().check(z.regex(/^ESTATE-\d{2}-\d{6,}$/)) }),
  },
  async () => ({ status: 200, body: BODY }),
);

const bare: Handler = async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(BODY),
});

async function time(handler: Handler, iterations: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    // Lambda hands every invocation a freshly parsed event.
    const event = structuredClone(EVENT);
    const context = lambdaContext('bench', 'bench-request', 10_000);
    const started = performance.now();
    const response = await handler(event, context);
    samples.push((performance.now() - started) * 1000);
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
  }
  return samples;
}

const iterations = Number(process.argv[2] ?? '20000');
const rounds = 4;
await time(chained, 2_000);
await time(bare, 2_000);
const result = { chained: [] as number[], bare: [] as number[] };
// Interleaved rounds, so drift (JIT, GC, frequency) affects both alike.
for (let round = 0; round < rounds; round += 1) {
  result.chained.push(...(await time(chained, iterations / rounds)));
  result.bare.push(...(await time(bare, iterations / rounds)));
}
process.send?.(result);
