import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareLatency, type LoadRequest } from '../../bench/http-latency.ts';

describe('compareLatency', () => {
  // Every request the server receives, by path, in arrival order.
  const arrivals: string[] = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      arrivals.push(request.url ?? '');
      response.writeHead(request.url === '/missing' ? 404 : 200).end('{}');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
  });

  const get = (path: string): LoadRequest => ({
    label: path,
    url: `${base}${path}`,
    method: 'GET',
    headers: {},
  });

  it('gives each request a slice per round, reversing the order every round', async () => {
    arrivals.length = 0;

    const results = await compareLatency([get('/a'), get('/b'), get('/c')], 1, 0.4, 4);

    const slices = arrivals.filter((path, index) => path !== arrivals[index - 1]);
    expect(slices).toEqual(['/a', '/b', '/c', '/b', '/a', '/b', '/c', '/b', '/a']);
    expect(results.map((result) => result.label)).toEqual(['/a', '/b', '/c']);
  });

  it('pools every round of a request into one count and one set of percentiles', async () => {
    arrivals.length = 0;

    const [a] = await compareLatency([get('/a'), get('/b')], 1, 0.2, 2);

    // A request still in flight when a slice ends reaches the server but is not
    // counted; one round's slice alone would be about half of what arrived.
    const received = arrivals.filter((path) => path === '/a').length;
    expect(a?.requests).toBeLessThanOrEqual(received);
    expect(a?.requests).toBeGreaterThan(received * 0.9);
    expect(a?.p99Ms).toBeGreaterThanOrEqual(a?.p50Ms ?? Number.POSITIVE_INFINITY);
  });

  it('fails when a request never succeeds', async () => {
    await expect(compareLatency([get('/a'), get('/missing')], 1, 0.1, 1)).rejects.toThrow(
      '/missing: no successful response',
    );
  });
});
