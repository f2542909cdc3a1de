// Bundled to plain JavaScript by bench/memory.ts and run in a fresh process with the
// flags Lambda starts a function with: imports the bundled get-estate handler, invokes
// it against DynamoDB Local (credentials from the environment, as on Lambda), warms it
// up until V8's young generation stops growing, then reports RSS and heap after
// forced GCs before and after two equal runs of warm invocations.
import { pathToFileURL } from 'node:url';
import { getHeapSpaceStatistics } from 'node:v8';
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResponse } from '../../functions/platform/http.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { ESTATES_PATH, gatewayEvent } from '../fixtures/requests.ts';

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResponse>;

// The young generation grows in steps of several MB (doubling its semi-spaces); a page
// or two of jitter between checks is not growth.
const WARM_UP_BATCH = 500;
const WARM_UP_STABLE_BATCHES = 4;
const WARM_UP_TOLERANCE_BYTES = 1024 * 1024;
const WARM_UP_MAX = 20_000;

const [bundle, estateId, count] = process.argv.slice(2);
if (!bundle || !estateId)
  throw new Error('usage: memory-probe.mjs <bundle> <estate id> [n]');
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
const invokeTimes = async (n: number) => {
  for (let index = 0; index < n; index += 1) await invoke();
};
const youngGenerationBytes = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
    ?.space_size ?? 0;
const measure = () => {
  gc();
  const usage = process.memoryUsage();
  return {
    rssBytes: usage.rss,
    heapUsedBytes: usage.heapUsed,
    heapTotalBytes: usage.heapTotal,
    externalBytes: usage.external,
    youngGenerationBytes: youngGenerationBytes(),
  };
};

/**
 * Invokes in batches until the young generation has not grown over the last few
 * batches. V8 starts it small and grows it under allocation pressure up to the
 * semi-space limit, once per process; it keeps the space afterwards.
 */
async function warmUp(): Promise<number> {
  const sizes: number[] = [];
  let done = 0;
  while (done < WARM_UP_MAX) {
    await invokeTimes(WARM_UP_BATCH);
    done += WARM_UP_BATCH;
    sizes.push(youngGenerationBytes());
    const window = sizes.slice(-(WARM_UP_STABLE_BATCHES + 1));
    const first = window[0] ?? 0;
    const last = window.at(-1) ?? 0;
    if (window.length > WARM_UP_STABLE_BATCHES && last - first < WARM_UP_TOLERANCE_BYTES)
      break;
  }
  return done;
}

const afterInit = measure();
const firstStarted = performance.now();
await invoke();
const firstInvocationMs = performance.now() - firstStarted;
const warmUpInvocations = await warmUp();
const warm = measure();
const started = performance.now();
await invokeTimes(invocations);
const elapsedMs = performance.now() - started;
const after = measure();
// A second run of the same length tells growth that levels off from growth that
// goes on at the same rate.
await invokeTimes(invocations);
const afterSecond = measure();
process.send?.({
  afterInit,
  firstInvocationMs,
  warmUpInvocations,
  warm,
  after,
  afterSecond,
  invocations,
  elapsedMs,
  failures,
});
