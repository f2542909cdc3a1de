import autocannon from 'autocannon';
import { percentile } from './stats.ts';

export interface LoadRequest {
  readonly label: string;
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface Latency {
  readonly label: string;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const SAMPLE_MS = 50;

/** The raw responses of one or more timed runs of a request. */
interface Samples {
  readonly times: number[];
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * Drives one request against a loopback server for a bounded time with autocannon,
 * adding every response time itself to `samples` (autocannon's histogram rounds to
 * whole ms, too coarse for loopback).
 */
async function drive(
  request: LoadRequest,
  connections: number,
  seconds: number,
  samples: Samples,
): Promise<void> {
  const instance = autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    connections,
    duration: seconds,
    // autocannon checks for the end of the run only when it samples (every second by
    // default), so a slice of a second would often run for two.
    sampleInt: SAMPLE_MS,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) samples.times.push(responseTime);
  });
  const result = await instance;
  samples.requests += result.requests.total;
  samples.non2xx += result.non2xx;
  samples.errors += result.errors;
}

function summarize(label: string, samples: Samples): Latency {
  if (samples.times.length === 0) throw new Error(`${label}: no successful response`);
  return {
    label,
    requests: samples.requests,
    non2xx: samples.non2xx,
    errors: samples.errors,
    p50Ms: percentile(samples.times, 50),
    p99Ms: percentile(samples.times, 99),
  };
}

const noSamples = (): Samples => ({ times: [], requests: 0, non2xx: 0, errors: 0 });

/** Measures one request on its own for `seconds`. */
export async function measureLatency(
  request: LoadRequest,
  connections: number,
  seconds: number,
): Promise<Latency> {
  const samples = noSamples();
  await drive(request, connections, seconds, samples);
  return summarize(request.label, samples);
}

/**
 * Measures requests that are to be compared with each other, `seconds` each, in
 * `rounds` interleaved slices: every round gives each request an equal slice, in an
 * order reversed from one round to the next. Whatever else the machine does during
 * the run (a compaction in DynamoDB Local, another process waking up, CPU frequency
 * changes) then lands on every request alike instead of on whichever one happened to
 * run at that moment, which is what made a single back-to-back run's p99 ratio swing.
 */
export async function compareLatency(
  requests: readonly LoadRequest[],
  connections: number,
  seconds: number,
  rounds: number,
): Promise<Latency[]> {
  const samples = requests.map(noSamples);
  const forward = requests.map((_, index) => index);
  const backward = [...forward].reverse();
  for (let round = 0; round < rounds; round += 1) {
    for (const index of round % 2 === 0 ? forward : backward) {
      const request = requests[index];
      const into = samples[index];
      if (request && into) await drive(request, connections, seconds / rounds, into);
    }
  }
  return requests.map((request, index) =>
    summarize(request.label, samples[index] ?? noSamples()),
  );
}

/** A DynamoDB JSON-protocol request straight to DynamoDB Local, which ignores signatures. */
export function dynamoRequest(
  endpoint: string,
  label: string,
  operation: 'GetItem' | 'Query',
  input: object,
): LoadRequest {
  return {
    label,
    url: endpoint,
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00',
    },
    body: JSON.stringify(input),
  };
}
