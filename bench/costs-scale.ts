// The costs design claims a month's cost query reads the same items, in one DynamoDB
// call, whether the estate has a thousand usage records or a million: reads touch only
// day rollups, which carry their owner and labels. These figures prove it on DynamoDB
// Local. It runs in a process of its own (`costsScale()` forks
// this file), so the environment is set before any handler or store module is
// imported. Run alone: `npx node bench/run.ts --only costs`.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Figure } from './report.ts';
import { median } from './stats.ts';

/** Records written through the real ingest path before the first measurement. */
const SMALL = 1_000;
/** The estate's size at the second measurement. */
const LARGE = Number(process.env.COSTS_SCALE_RECORDS ?? 1_000_000);
/** Records, in all, that go through the real ingest path; the rest are bulk-written. */
const FULL_PATH = Math.min(LARGE, Number(process.env.COSTS_SCALE_FULL_PATH ?? 10_000));
const INGEST_BATCH = 400;
const BULK_CHUNK = 10_000;
const BULK_CONCURRENCY = 24;
const WARMUP_RUNS = 20;
const MEASURED_RUNS = 40;
const WORKSPACE = 'WS-26-000021';
const DAY_MS = 24 * 60 * 60 * 1000;
const METRICS = ['vcpu_hours', 'memory_gb_hours'] as const;

export const COSTS_SECTION =
  'Cost query at scale (GET /v1/infrastructure/costs, one month, group_by=environment)';

const log = (message: string) => process.stderr.write(`bench costs: ${message}\n`);

/** Forks this file against a DynamoDB Local of its own and returns its figures. */
export function costsScale(): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--child'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { PATH: process.env.PATH ?? '', ...scaleOverrides() },
    });
    let settled = false;
    child.once('message', (message) => {
      settled = true;
      resolve(message as Figure[]);
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`costs-scale child exited with ${code}`));
    });
  });
}

function scaleOverrides(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['COSTS_SCALE_RECORDS', 'COSTS_SCALE_FULL_PATH']) {
    const value = process.env[name];
    if (value) out[name] = value;
  }
  return out;
}

/** What one costs query did: the DynamoDB calls it sent and the items they read. */
interface QueryCounts {
  readonly calls: readonly string[];
  readonly itemsRead: number;
}

interface Measurement extends QueryCounts {
  readonly records: number;
  readonly medianMs: number;
  readonly total: number;
  readonly breakdown: readonly { group: string; cost: number }[];
}

/** Items a read returned: a Query's ScannedCount, a GetItem's item, a BatchGet's responses. */
function itemsIn(output: unknown): number {
  if (typeof output !== 'object' || output === null) return 0;
  if ('ScannedCount' in output && typeof output.ScannedCount === 'number')
    return output.ScannedCount;
  if ('Items' in output && Array.isArray(output.Items)) return output.Items.length;
  if ('Item' in output) return output.Item ? 1 : 0;
  if ('Responses' in output && typeof output.Responses === 'object' && output.Responses)
    return Object.values(output.Responses).reduce(
      (sum: number, items: unknown) => sum + (Array.isArray(items) ? items.length : 0),
      0,
    );
  return 0;
}

async function child(): Promise<Figure[]> {
  const { startDynamoDbLocal } = await import('../infra/local/dynamodb-local.ts');
  log('starting DynamoDB Local (in memory)');
  const dynamo = await startDynamoDbLocal();
  try {
    Object.assign(process.env, {
      TABLE_NAME: 'bench-costs',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
      CURSOR_SIGNING_KEY: 'bench-cursor-key',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      // The workspace rate limit's batched UpdateItem is no part of the report's
      // cost; the calls-per-request figures account for it.
      WORKSPACE_RATE_LIMIT_PER_MINUTE: '0',
    });
    return await measure();
  } finally {
    log('stopping DynamoDB Local');
    await dynamo.stop();
  }
}

async function measure(): Promise<Figure[]> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { BatchWriteCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { ensureTable } = await import('../infra/local/table-setup.ts');
  const setup = new DynamoDBClient({});
  await ensureTable(setup, process.env.TABLE_NAME ?? '');
  setup.destroy();

  const { documentClient } = await import('../functions/store/client.ts');
  const { seedActiveEstate } = await import('../test/support/seed.ts');
  const { seedEnvironment, seedService } = await import('../test/support/costs.ts');
  const { ingestUsage } = await import('../functions/domain/costs/ingest-usage.ts');
  const { priceUsage } = await import('../functions/domain/costs/price-usage.ts');
  const { loadMeteringContext } = await import('../functions/store/usage-reads.ts');
  const { buildPutUsageRecord } = await import('../functions/store/usage-items.ts');
  const { buildUsageUpdates } = await import('../functions/store/usage-writes.ts');
  const { femtosToAmount } = await import('../functions/platform/money.ts');
  const { handler } = await import('../functions/http/costs/get-costs.ts');
  const { toGatewayEvent } = await import('../infra/local/gateway-event.ts');
  const { lambdaContext } = await import('../infra/local/lambda-context.ts');

  let counting: { calls: string[]; itemsRead: number } | undefined;
  const countOn = (client: DynamoDBDocumentClient, name: string) =>
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (counting) {
          counting.calls.push(String(context.commandName));
          counting.itemsRead += itemsIn(result.output);
        }
        return result;
      },
      { step: 'initialize', name },
    );
  countOn(documentClient, 'benchCountReads');

  log('seeding an active estate, 3 environments and a container service in each');
  const estate = await seedActiveEstate({ workspace_id: WORKSPACE });
  const services: string[] = [];
  for (const name of ['production', 'staging', 'development']) {
    const environmentId = await seedEnvironment(estate, name);
    services.push((await seedService(estate, environmentId)).service_id);
  }

  const now = new Date();
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const latest = now.getTime() - 60_000;
  const days = Math.max(1, Math.ceil((latest - monthStart) / DAY_MS));
  const from = new Date(monthStart).toISOString().slice(0, 10);
  const to = now.toISOString().slice(0, 10);
  // Records spread over the month so far: every service, both metrics, every day, in
  // turn, so that the smaller set already has every day rollup the larger one has (a
  // spread by time alone leaves a day begun minutes ago without records at 1,000).
  const perDay = services.length * METRICS.length;
  const input = (i: number) => {
    const dayStart = monthStart + (Math.floor(i / perDay) % days) * DAY_MS;
    const span = Math.max(1, Math.min(DAY_MS, latest - dayStart));
    return {
      record_id: `bench-${i}`,
      service_id: services[i % services.length] ?? '',
      metric: METRICS[Math.floor(i / services.length) % METRICS.length] ?? 'vcpu_hours',
      quantity: ((i % 7) + 1) / 4,
      time: new Date(
        dayStart + Math.floor((((i * 7919) % 1_000_003) / 1_000_003) * span),
      ).toISOString(),
      source: 'bench',
    };
  };
  let expectedFemtos = 0n;
  let written = 0;

  const ingestUpTo = async (target: number) => {
    const started = performance.now();
    const first = written;
    while (written < target) {
      const size = Math.min(INGEST_BATCH, target - written);
      const batch = Array.from({ length: size }, (_, k) => input(written + k));
      const result = await ingestUsage(WORKSPACE, batch, { now });
      if (result.accepted !== size)
        throw new Error(`ingest accepted ${result.accepted} of ${size}`);
      written += size;
    }
    const seconds = (performance.now() - started) / 1000;
    log(
      `ingested ${target - first} records through ingestUsage in ${seconds.toFixed(1)} s ` +
        `(${Math.round((target - first) / seconds)}/s)`,
    );
  };
  // The cost the rollups must add up to, priced independently of what was written.
  const context = await loadMeteringContext(services);
  const priceOf = (from: number, to: number) => {
    const inputs = Array.from({ length: to - from }, (_, k) => input(from + k));
    const { priced, errors } = priceUsage(inputs, WORKSPACE, context, now);
    if (errors.length > 0)
      throw new Error(`bench records are invalid: ${errors[0]?.message}`);
    return priced.flatMap((record) => (record ? [record] : []));
  };

  const query = async (): Promise<Omit<Measurement, 'records'>> => {
    const event = () =>
      toGatewayEvent({
        method: 'GET',
        url: `/v1/infrastructure/costs?estate_id=${estate.id}&from=${from}&to=${to}&group_by=environment`,
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(0),
        sourceIp: '127.0.0.1',
        routeKey: 'GET /v1/infrastructure/costs',
        pathParameters: undefined,
        claims: { sub: 'USR-26-000044', workspace_id: WORKSPACE, scope: 'read' },
        requestId: `bench-${Math.random().toString(36).slice(2)}`,
        now: new Date(),
      });
    const invoke = async () => {
      const response = await handler(
        event(),
        lambdaContext('get-costs', 'bench', 10_000),
      );
      if (response.statusCode !== 200)
        throw new Error(`costs query answered ${response.statusCode}: ${response.body}`);
      return JSON.parse(response.body ?? '{}') as {
        data: { total: number; breakdown: { group: string; cost: number }[] };
      };
    };
    counting = { calls: [], itemsRead: 0 };
    const body = await invoke();
    const counts = counting;
    counting = undefined;
    for (let run = 0; run < WARMUP_RUNS; run += 1) await invoke();
    const samples: number[] = [];
    for (let run = 0; run < MEASURED_RUNS; run += 1) {
      const started = performance.now();
      await invoke();
      samples.push(performance.now() - started);
    }
    return {
      calls: counts.calls,
      itemsRead: counts.itemsRead,
      medianMs: median(samples),
      total: body.data.total,
      breakdown: body.data.breakdown,
    };
  };

  await ingestUpTo(SMALL);
  for (const record of priceOf(0, SMALL)) expectedFemtos += record.cost_femtos;
  const expectedSmall = femtosToAmount(expectedFemtos);
  log(`measuring at ${written} records`);
  const small: Measurement = { records: written, ...(await query()) };

  const fullPathStart = written;
  await ingestUpTo(FULL_PATH);
  for (const record of priceOf(fullPathStart, FULL_PATH))
    expectedFemtos += record.cost_femtos;

  // The rest: exactly the items ingestUsage writes for these records (the record
  // items, and the same updates of the same day rollups (owner, names and gsi1 keys
  // included) and of the month attributes of the estate, environments and services),
  // built by ingestion's own builders and written with BatchWriteItem and parallel
  // UpdateItems instead of one transaction per ~80 records.
  const bulkStarted = performance.now();
  while (written < LARGE) {
    const end = Math.min(LARGE, written + BULK_CHUNK);
    const priced = priceOf(written, end);
    const puts = priced.map((record) => ({
      PutRequest: { Item: buildPutUsageRecord(record).Item },
    }));
    const groups: (typeof puts)[] = [];
    for (let i = 0; i < puts.length; i += 25) groups.push(puts.slice(i, i + 25));
    const table = process.env.TABLE_NAME ?? '';
    const worker = async () => {
      for (let group = groups.pop(); group; group = groups.pop()) {
        let pending: typeof group | undefined = group;
        while (pending && pending.length > 0) {
          const result = await documentClient.send(
            new BatchWriteCommand({ RequestItems: { [table]: pending } }),
          );
          pending = result.UnprocessedItems?.[table] as typeof group | undefined;
        }
      }
    };
    await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
    await Promise.all(
      buildUsageUpdates(priced).map(({ update }) =>
        documentClient.send(new UpdateCommand(update)),
      ),
    );
    for (const record of priced) expectedFemtos += record.cost_femtos;
    written = end;
    const seconds = (performance.now() - bulkStarted) / 1000;
    if (written % 100_000 === 0 || written === LARGE)
      log(`${written} records (bulk: ${Math.round((written - FULL_PATH) / seconds)}/s)`);
  }
  const expectedLarge = femtosToAmount(expectedFemtos);
  log(`measuring at ${written} records`);
  const large: Measurement = { records: written, ...(await query()) };
  log(
    `small: ${JSON.stringify(small)}\nlarge: ${JSON.stringify(large)}\n` +
      `expected totals ${expectedSmall} / ${expectedLarge}`,
  );
  return figures(small, large, expectedSmall, expectedLarge, FULL_PATH);
}

function figures(
  small: Measurement,
  large: Measurement,
  expectedSmall: number,
  expectedLarge: number,
  fullPath: number,
): Figure[] {
  const k = (n: number) => n.toLocaleString('en-US');
  const label = `${k(small.records)} records`;
  const method =
    `${k(small.records)} records, then ${k(fullPath)} in all, went through ingestUsage ` +
    `(batches of ${INGEST_BATCH}); the other ${k(large.records - fullPath)} were written as ` +
    'the exact items ingestion writes, by its own item builders (record items by ' +
    'BatchWriteItem, the same updates of the day rollups (owner, names and gsi1 keys ' +
    'included) and of the month costs on the estate, environment and service items; ' +
    'no metering events)';
  const calls = (m: Measurement) => `${m.calls.join(', ')} (rate limit off)`;
  return [
    {
      section: COSTS_SECTION,
      name: `items read at ${k(large.records)} records`,
      unit: 'items',
      value: large.itemsRead,
      baseline: { label, value: small.itemsRead },
      target: { on: 'delta', max: 0 },
      note: `target: equal. Query ScannedCount + items of GetItem/BatchGetItem; ${method}`,
    },
    {
      section: COSTS_SECTION,
      name: `DynamoDB calls at ${k(small.records)} records`,
      unit: 'calls',
      value: small.calls.length,
      target: { on: 'value', max: 1 },
      note: calls(small),
    },
    {
      section: COSTS_SECTION,
      name: `DynamoDB calls at ${k(large.records)} records`,
      unit: 'calls',
      value: large.calls.length,
      baseline: { label, value: small.calls.length },
      target: { on: 'value', max: 1 },
      note: calls(large),
    },
    {
      section: COSTS_SECTION,
      name: `latency at ${k(large.records)} records, median`,
      unit: 'ms',
      value: large.medianMs,
      baseline: { label, value: small.medianMs },
      target: { on: 'ratio', max: 1.1 },
      note: `median of ${MEASURED_RUNS} handler invocations after ${WARMUP_RUNS} warm-ups, in process`,
    },
    {
      section: COSTS_SECTION,
      name: `estate total at ${k(large.records)} records`,
      unit: 'USD',
      value: large.total,
      baseline: { label, value: small.total },
      note:
        `sanity check: priced independently, ${expectedSmall} and ${expectedLarge} USD ` +
        `(${small.total === expectedSmall && large.total === expectedLarge ? 'both match' : '**MISMATCH**'}); ` +
        `by environment ${large.breakdown.map((b) => `${b.group} ${b.cost}`).join(', ')}`,
    },
  ];
}

/**
 * Replaces the costs rows of docs/benchmarks.md with new figures, leaving the rest of
 * the generated page as it is (for `--only costs`).
 */
export function spliceCostsIntoDoc(
  docPath: string,
  rows: string,
  provenance: string,
): void {
  const lines = readFileSync(docPath, 'utf8').split('\n');
  const kept: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (line === `### ${COSTS_SECTION}`) {
      skipping = true;
      continue;
    }
    if (skipping && /^##/.test(line)) skipping = false;
    if (skipping) continue;
    if (line.startsWith('| costs query |')) continue;
    kept.push(line);
  }
  const before = kept.findIndex((line) =>
    line.startsWith('### DynamoDB calls per request'),
  );
  const at = before >= 0 ? before : kept.length;
  kept.splice(at, 0, `### ${COSTS_SECTION}`, '', rows.trimEnd(), '', provenance, '');
  writeFileSync(docPath, kept.join('\n'));
}

export const DOC_PATH = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');

if (process.argv.includes('--child')) {
  const result = await child();
  process.send?.(result);
  process.disconnect?.();
}
