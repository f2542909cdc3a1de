// `npm run bench`: measures bundle size, cold init, the middleware chain's warm
// overhead, end-to-end latency of the local API, DynamoDB calls per request and
// memory, then writes .reports/bench.json and regenerates docs/benchmarks.md.
// Only loopback traffic; every server it starts is stopped before it exits.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/constructs/platform-function.ts';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { type BundleSize, bundle, EMPTY_HANDLER, SDK_EXTERNAL } from './bundle-size.ts';
import { countCalls } from './calls.ts';
import { coldInit } from './cold-init.ts';
import { costsScale, DOC_PATH, spliceCostsIntoDoc } from './costs-scale.ts';
import { endToEnd, startRuntime } from './e2e.ts';
import { type AppFunction, appFunctions } from './functions.ts';
import type { Latency } from './http-latency.ts';
import { memoryGrowth } from './memory.ts';
import {
  MEMORY_SECTION,
  memoryGrowthFigures,
  spliceMemoryIntoFile,
} from './memory-report.ts';
import { chainOverhead } from './middleware.ts';
import { type BenchResult, type Figure, figureTable, renderTables } from './report.ts';
import { round } from './stats.ts';

const REPORTS = join(REPO_ROOT, '.reports');
const BUNDLES = join(REPORTS, 'bundles');
const COLD_RUNS = 20;
const WARM_ITERATIONS = 20_000;
const LOAD_CONNECTIONS = 1;
const LOAD_SECONDS = 10;
const LOAD_ROUNDS = 10;
const MEMORY_INVOCATIONS = 10_000;
const KB = 1024;
const MB = 1024 * 1024;

const TEMPLATE_PATH = join(import.meta.dirname, 'benchmarks.template.md');
const GET_ESTATE_ENTRY = 'functions/http/estates/get-estate.ts';

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const shortName = (entry: string) =>
  entry.replace(/^functions\//, '').replace(/\.ts$/, '');

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: REPO_ROOT }).toString().trim();
}

const commitLabel = () =>
  `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''}`;

/** The get-estate function of the synthesized app, whose bundle the memory probe runs. */
function getEstateFunction(functions: ReturnType<typeof appFunctions>): AppFunction {
  const found = functions.ours.find((fn) => fn.entry === GET_ESTATE_ENTRY);
  if (!found) throw new Error(`no ${GET_ESTATE_ENTRY} function in the app`);
  return found;
}

/** The memory probe on the get-estate bundle, reading an estate from `table`. */
function probeMemory(
  file: string,
  deployed: AppFunction,
  estateId: string,
  table: { readonly endpoint: string; readonly tableName: string },
) {
  log(`memory: ${MEMORY_INVOCATIONS} warm invocations of the get-estate bundle`);
  return memoryGrowth(file, estateId, MEMORY_INVOCATIONS, table, deployed);
}

function machine(loadAtStart: number) {
  return {
    load: [loadAtStart, loadavg()[0] ?? 0] as const,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${type()} ${release()}`,
  };
}

interface Bundled {
  readonly entry: string;
  readonly file: string;
  readonly size: BundleSize;
  readonly sdkExternal: BundleSize;
}

async function bundleAll(entries: readonly string[]): Promise<Bundled[]> {
  const bundled: Bundled[] = [];
  for (const entry of entries) {
    const dir = join(BUNDLES, entry.replace(/\.ts$/, '').replaceAll('/', '_'));
    const own = await bundle(entry, dir);
    const external = await bundle(entry, `${dir}_sdk-external`, SDK_EXTERNAL);
    bundled.push({ entry, file: own.file, size: own.size, sdkExternal: external.size });
  }
  return bundled;
}

function bundleFigures(bundled: readonly Bundled[], empty: BundleSize): Figure[] {
  const section = 'Bundle size (minified; the 250 KB target applies to minified bytes)';
  return [
    {
      section,
      name: 'empty handler',
      unit: 'KB',
      value: empty.minified / KB,
      note: `gzip ${round(empty.gzipped / KB)} KB`,
    },
    ...bundled.map(
      (b): Figure => ({
        section,
        name: shortName(b.entry),
        unit: 'KB',
        value: b.size.minified / KB,
        baseline: { label: 'same, SDK external', value: b.sdkExternal.minified / KB },
        target: { on: 'value', max: 250 },
        note:
          `gzip ${round(b.size.gzipped / KB)} KB; ` +
          `source map ${round(b.size.sourceMap / MB)} MB`,
      }),
    ),
  ];
}

function compositionTable(b: Bundled): string {
  const rows = b.size.byPackage
    .slice(0, 12)
    .map((p) => `| ${p.name} | ${round(p.bytes / KB)} KB |`);
  return [
    `Where the bytes of \`${shortName(b.entry)}\` come from (minified, largest first):`,
    '',
    '| package | minified |',
    '|---|---|',
    ...rows,
  ].join('\n');
}

async function main() {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  mkdirSync(REPORTS, { recursive: true });
  const figures: Figure[] = [];

  log('synthesizing the app to list its functions');
  const functions = appFunctions();
  const entries = [...new Set(functions.ours.map((fn) => fn.entry))];

  log(`bundling ${entries.length} functions and the empty handler`);
  rmSync(BUNDLES, { recursive: true, force: true });
  const emptyBundle = await bundle(EMPTY_HANDLER, join(BUNDLES, 'empty-handler'));
  const bundled = await bundleAll(entries);
  figures.push(...bundleFigures(bundled, emptyBundle.size));

  log(`cold init: ${COLD_RUNS} fresh processes per bundle`);
  const coldEmpty = coldInit(emptyBundle.file, COLD_RUNS);
  const cold = bundled.map((b) => ({ entry: b.entry, ...coldInit(b.file, COLD_RUNS) }));
  const coldSection = `Cold init (import of the bundle in a fresh process after the runtime client’s own imports, median of ${COLD_RUNS})`;
  for (const c of cold) {
    figures.push({
      section: coldSection,
      name: shortName(c.entry),
      unit: 'ms',
      value: c.initMs,
      baseline: { label: 'empty handler', value: coldEmpty.initMs },
      target: { on: 'delta', max: 40 },
    });
  }
  // The same import in a bare Node process, without the runtime client's node:http:
  // shown beside the target figures, so what the preload accounts for is visible.
  const getEstateBundle = bundled.find((b) => b.entry.endsWith('get-estate.ts'));
  if (getEstateBundle) {
    const bareEmpty = coldInit(emptyBundle.file, COLD_RUNS, { bare: true });
    const bare = coldInit(getEstateBundle.file, COLD_RUNS, { bare: true });
    figures.push({
      section: coldSection,
      name: `${shortName(getEstateBundle.entry)}, in a bare Node process`,
      unit: 'ms',
      value: bare.initMs,
      baseline: { label: 'empty handler, bare', value: bareEmpty.initMs },
      note: 'no runtime preloads: the bundle’s import of node:http pays for loading it',
    });
  }

  log('warm overhead of the middleware chain');
  const chainSection = `Warm overhead of the middy chain (median per invocation, ${WARM_ITERATIONS} invocations)`;
  for (const level of ['INFO', 'WARN']) {
    const overhead = await chainOverhead(WARM_ITERATIONS, level);
    figures.push({
      section: chainSection,
      name: `httpHandler, log level ${level}`,
      unit: 'µs',
      value: overhead.chainedMedianUs,
      baseline: { label: 'bare async handler', value: overhead.bareMedianUs },
      target: { on: 'delta', max: 300 },
      note:
        `p99 ${round(overhead.chainedP99Us)} µs vs ${round(overhead.bareP99Us)} µs` +
        (level === 'INFO' ? '; includes writing the access log line' : ''),
    });
  }

  log('starting the local runtime');
  const runtime = await startRuntime();
  let calls: Awaited<ReturnType<typeof countCalls>>;
  let memory: Awaited<ReturnType<typeof memoryGrowth>>;
  let e2e: Awaited<ReturnType<typeof endToEnd>>;
  try {
    log(
      `end-to-end: ${LOAD_SECONDS} s per request in ${LOAD_ROUNDS} interleaved rounds, ${LOAD_CONNECTIONS} connections`,
    );
    e2e = await endToEnd(runtime, LOAD_CONNECTIONS, LOAD_SECONDS, LOAD_ROUNDS);
    const probeTable = { endpoint: runtime.dynamoEndpoint, tableName: 'bench-probes' };
    log('counting DynamoDB calls per request');
    calls = await countCalls(probeTable);
    const deployed = getEstateFunction(functions);
    const getEstate = bundled.find((b) => b.entry === deployed.entry);
    if (!getEstate) throw new Error(`no bundle of ${deployed.entry}`);
    memory = await probeMemory(getEstate.file, deployed, calls.estateId, probeTable);
  } finally {
    await runtime.local.stop();
  }

  log('costs query at 1,000 and 1,000,000 usage records (DynamoDB Local of its own)');
  const costs = await costsScale();

  const e2eSection = `End-to-end latency, local API vs the same DynamoDB call behind a bare SDK server (${LOAD_CONNECTIONS} connection, ${LOAD_SECONDS} s each in ${LOAD_ROUNDS} interleaved rounds)`;
  const latency = (label: string) => {
    const found = e2e.results.find((r) => r.label === label);
    if (!found) throw new Error(`no latency for ${label}`);
    return found;
  };
  const reads = [
    ['GET estate', 'bare GetItem', 'wire GetItem'],
    ['list estates', 'bare Query', 'wire Query'],
    ['month of costs', 'bare cost Query', undefined],
  ] as const;
  for (const [apiLabel, bareLabel, wireLabel] of reads) {
    const apiResult = latency(apiLabel);
    const bare = latency(bareLabel);
    const wire = wireLabel ? latency(wireLabel) : undefined;
    const onWire = (pick: (l: Latency) => number) =>
      wire
        ? `; on the wire straight to DynamoDB Local ${round(pick(wire))} ms (${round(pick(apiResult) / pick(wire))}×)`
        : '';
    figures.push(
      {
        section: e2eSection,
        name: `${apiLabel} p50`,
        unit: 'ms',
        value: apiResult.p50Ms,
        baseline: { label: bareLabel, value: bare.p50Ms },
        target: { on: 'ratio', max: 1.3 },
        note:
          `${apiResult.requests} requests (${apiResult.non2xx} non-2xx), bare ${bare.requests}` +
          onWire((l) => l.p50Ms),
      },
      {
        section: e2eSection,
        name: `${apiLabel} p99`,
        unit: 'ms',
        value: apiResult.p99Ms,
        baseline: { label: bareLabel, value: bare.p99Ms },
        target: { on: 'ratio', max: 1.3 },
        note: onWire((l) => l.p99Ms).replace(/^; /, ''),
      },
    );
  }
  const post = latency('POST estate');
  figures.push(
    {
      section: e2eSection,
      name: 'POST estate p50',
      unit: 'ms',
      value: post.p50Ms,
      note: `${post.requests} requests (${post.non2xx} non-2xx); no target for writes`,
    },
    { section: e2eSection, name: 'POST estate p99', unit: 'ms', value: post.p99Ms },
  );
  figures.push(...costs);

  const callsSection =
    'DynamoDB calls per request (counted on every DynamoDB client of the functions)';
  for (const invocation of calls.invocations) {
    const transactions = invocation.commands.filter(
      (c) => c === 'TransactWriteItemsCommand',
    );
    const isWrite = invocation.name.startsWith('POST');
    figures.push({
      section: callsSection,
      name: isWrite ? `${invocation.name}: transactions` : invocation.name,
      unit: 'calls',
      value: isWrite ? transactions.length : invocation.commands.length,
      target: { on: 'value', max: 1 },
      note: `HTTP ${invocation.status}: ${invocation.commands.join(', ')}`,
    });
    if (isWrite)
      figures.push({
        section: callsSection,
        name: `${invocation.name}: all calls`,
        unit: 'calls',
        value: invocation.commands.length,
        note: `${invocation.commands.join(', ')}: the UpdateItem allocates the new ID from its counter; calls before it read what the request is checked against`,
      });
  }
  const { sustained } = calls;
  figures.push({
    section: callsSection,
    name: `GET estate, ${sustained.requests} in a row: calls per request`,
    unit: 'calls',
    value: sustained.commands / sustained.requests,
    note:
      `${sustained.commands} calls, of which ${sustained.rateLimitReports} UpdateItems ` +
      'report the instance’s count to the workspace rate limit (in batches of a ' +
      'twentieth of the limit, or once a second)',
  });
  figures.push({
    section: callsSection,
    name: 'Scans in all of the above',
    unit: 'calls',
    value: calls.invocations
      .flatMap((i) => i.commands)
      .filter((c) => c.startsWith('Scan')).length,
    target: { on: 'value', max: 0 },
  });

  const memorySection = MEMORY_SECTION;
  const getCold = cold.find((c) => c.entry.endsWith('get-estate.ts'));
  const largest = [...cold].sort((a, b) => b.rssBytes - a.rssBytes)[0];
  if (getCold && largest)
    figures.push(
      {
        section: memorySection,
        name: 'RSS after init, get-estate',
        unit: 'MB',
        value: getCold.rssBytes / MB,
        baseline: { label: 'empty handler', value: coldEmpty.rssBytes / MB },
        target: { on: 'value', max: 90 },
        note: 'after a forced GC, median of the cold-init processes',
      },
      {
        section: memorySection,
        name: `RSS after init, largest (${shortName(largest.entry)})`,
        unit: 'MB',
        value: largest.rssBytes / MB,
        baseline: { label: 'empty handler', value: coldEmpty.rssBytes / MB },
        target: { on: 'value', max: 90 },
      },
    );
  figures.push(...memoryGrowthFigures(memory));

  const result: BenchResult = {
    date: new Date().toISOString(),
    commit: commitLabel(),
    machine: machine(loadAtStart),
    durationSeconds: (performance.now() - started) / 1000,
    figures,
  };
  const largestBundle = [...bundled].sort((a, b) => b.size.minified - a.size.minified)[0];
  writeFileSync(
    join(REPORTS, 'bench.json'),
    `${JSON.stringify({ ...result, raw: { bundled, cold, coldEmpty, e2e, calls, memory, others: functions.others } }, null, 2)}\n`,
  );
  const template = readFileSync(TEMPLATE_PATH, 'utf8');
  const markdown = template
    .replace('<!-- results -->', renderTables(result).trimEnd())
    .replace(
      '<!-- composition -->',
      largestBundle ? compositionTable(largestBundle) : '',
    );
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), markdown);
  log(
    `done in ${Math.round(result.durationSeconds)} s: .reports/bench.json, docs/benchmarks.md`,
  );
}

/** `--only costs`: measures the costs figure alone and splices it into the doc. */
async function onlyCosts() {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const figures = await costsScale();
  const m = machine(loadAtStart);
  const seconds = Math.round((performance.now() - started) / 1000);
  const commit = commitLabel();
  spliceCostsIntoDoc(
    DOC_PATH,
    figureTable(figures),
    `These rows were measured on their own (\`npx node bench/run.ts --only costs\`, ${seconds} s) ` +
      `on ${new Date().toISOString()}, commit \`${commit}\`, load ${round(m.load[0])} / ${round(m.load[1])}, ` +
      'and spliced into this page; the other tables are from the run described above.',
  );
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(
    join(REPORTS, 'bench-costs.json'),
    `${JSON.stringify({ machine: m, figures }, null, 2)}\n`,
  );
  for (const figure of figures)
    log(`${figure.name}: ${figure.value} ${figure.unit} vs ${figure.baseline?.value}`);
  log(`done in ${seconds} s: .reports/bench-costs.json, docs/benchmarks.md`);
}

/**
 * `--only memory`: measures the growth probe's figures alone, against a DynamoDB Local
 * of its own, and splices them into the doc's memory table.
 */
async function onlyMemory() {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  log('synthesizing the app to read the get-estate function');
  const fn = getEstateFunction(appFunctions());
  const built = await bundle(fn.entry, join(BUNDLES, 'memory-only'));
  const dynamo = await startDynamoDbLocal();
  let memory: Awaited<ReturnType<typeof memoryGrowth>>;
  try {
    const probeTable = { endpoint: dynamo.endpoint, tableName: 'bench-probes' };
    const calls = await countCalls(probeTable);
    memory = await probeMemory(built.file, fn, calls.estateId, probeTable);
  } finally {
    await dynamo.stop();
  }
  const figures = memoryGrowthFigures(memory);
  const m = machine(loadAtStart);
  const seconds = Math.round((performance.now() - started) / 1000);
  spliceMemoryIntoFile(
    DOC_PATH,
    TEMPLATE_PATH,
    figures,
    `The rows after "RSS after init" were measured on their own (\`npx node bench/run.ts --only memory\`, ${seconds} s) ` +
      `on ${new Date().toISOString()}, commit \`${commitLabel()}\`, load ${round(m.load[0])} / ${round(m.load[1])}, ` +
      'and spliced into this page; the other tables are from the run described above.',
  );
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(
    join(REPORTS, 'bench-memory.json'),
    `${JSON.stringify({ machine: m, figures, raw: memory }, null, 2)}\n`,
  );
  for (const figure of figures)
    log(`${figure.name}: ${round(figure.value ?? Number.NaN)} ${figure.unit}`);
  log(`done in ${seconds} s: .reports/bench-memory.json, docs/benchmarks.md`);
}

const ONLY: Readonly<Record<string, () => Promise<void>>> = {
  costs: onlyCosts,
  memory: onlyMemory,
};
const only = process.argv.indexOf('--only');
if (only >= 0) {
  const run = ONLY[process.argv[only + 1] ?? ''];
  if (!run) throw new Error(`--only takes: ${Object.keys(ONLY).join(', ')}`);
  await run();
} else await main();
