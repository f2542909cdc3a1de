// Runs in a fresh process with --expose-gc: imports the bundled get-estate handler,
// invokes it against DynamoDB Local (credentials from the environment, as on Lambda),
// and reports RSS and heap after forced GCs before and after two equal runs of warm
// invocations.
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResponse } from '../../functions/platform/http.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { ESTATES_PATH, gatewayEvent } from '../fixtures/requests.ts';

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResponse>;

const [bundle, estateId, count] = process.argv.slice(2);
if (!bundle || !estateId)
  throw new Error('usage: memory-probe.ts <bundle> <estate id> [n]');
const invocations = Number(count ?? '10000');
const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc');

const { handler } = (await import(pathToFileURL(bundle).href)) as { handler: Handler };
const event = gatewayEvent('GET', `${ESTATES_PATH}/${estateId}`, `${ESTATES_PATH}/{id}`, {
  pathParameters: { id: estateId },
});
let failures = 0;
const invoke = async () => {
  const response = await handler(
    structuredClone(event),
    lambdaContext('bench', 'b', 10_000),
  );
  if (response.statusCode !== 200) failures += 1;
};
const measure = () => {
  gc();
  const usage = process.memoryUsage();
  return {
    rssBytes: usage.rss,
    heapUsedBytes: usage.heapUsed,
    heapTotalBytes: usage.heapTotal,
    externalBytes: usage.external,
  };
};

const afterInit = measure();
const firstStarted = performance.now();
await invoke();
const firstInvocationMs = performance.now() - firstStarted;
for (let index = 0; index < 500; index += 1) await invoke();
const warm = measure();
const started = performance.now();
for (let index = 0; index < invocations; index += 1) await invoke();
const elapsedMs = performance.now() - started;
const after = measure();
// A second run of the same length tells a plateau (V8 keeping the heap space it
// grew into) from a leak (growing again by as much).
for (let index = 0; index < invocations; index += 1) await invoke();
const afterSecond = measure();
process.send?.({
  afterInit,
  firstInvocationMs,
  warm,
  after,
  afterSecond,
  invocations,
  elapsedMs,
  failures,
});
