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

/**
 * Drives one request against a loopback server for a bounded time with autocannon,
 * keeping every response time itself (autocannon's histogram rounds to whole ms,
 * too coarse for loopback).
 */
export async function measureLatency(
  request: LoadRequest,
  connections: number,
  seconds: number,
): Promise<Latency> {
  const times: number[] = [];
  const instance = autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    connections,
    duration: seconds,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
  });
  const result = await instance;
  if (times.length === 0) throw new Error(`${request.label}: no successful response`);
  return {
    label: request.label,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
  };
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
