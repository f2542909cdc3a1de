import { describe, expect, it } from 'vitest';
import { isTextContent, toGatewayEvent } from '../../../../infra/local/gateway-event.ts';

const request = (overrides: Partial<Parameters<typeof toGatewayEvent>[0]> = {}) =>
  toGatewayEvent({
    method: 'GET',
    url: '/v1/infrastructure/estates?status=active&tag=a&tag=b&name=a%20b',
    headers: {
      'user-agent': 'curl/8',
      host: '127.0.0.1:3000',
      cookie: 'a=1; b=2',
      'x-custom': 'one',
    },
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    routeKey: 'GET /v1/infrastructure/estates',
    pathParameters: undefined,
    claims: { sub: 'USR-26-000044', workspace_id: 'WS-26-000021' },
    requestId: 'abc=',
    now: new Date('2026-04-15T10:30:00Z'),
    ...overrides,
  });

describe('toGatewayEvent', () => {
  it('builds a payload format 2.0 event with the raw and parsed query', () => {
    const event = request();

    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /v1/infrastructure/estates');
    expect(event.rawPath).toBe('/v1/infrastructure/estates');
    expect(event.rawQueryString).toBe('status=active&tag=a&tag=b&name=a%20b');
    expect(event.queryStringParameters).toEqual({
      status: 'active',
      tag: 'a,b',
      name: 'a b',
    });
  });

  it('moves cookies out of the headers and keeps the rest lower-cased', () => {
    const event = request({ headers: { 'X-Custom': 'one', cookie: 'a=1; b=2' } });

    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers).toEqual({ 'x-custom': 'one' });
  });

  it('carries the authorizer claims, request id and time like API Gateway', () => {
    const { requestContext } = request();

    expect(requestContext.authorizer.jwt.claims).toEqual({
      sub: 'USR-26-000044',
      workspace_id: 'WS-26-000021',
    });
    expect(requestContext.requestId).toBe('abc=');
    expect(requestContext.time).toBe('15/Apr/2026:10:30:00 +0000');
    expect(requestContext.timeEpoch).toBe(Date.parse('2026-04-15T10:30:00Z'));
    expect(requestContext.http).toMatchObject({
      method: 'GET',
      path: '/v1/infrastructure/estates',
      sourceIp: '127.0.0.1',
    });
  });

  it('passes JSON bodies as text and binary bodies as base64', () => {
    const json = request({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"a":1}'),
    });
    const binary = request({
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0, 1, 2]),
    });

    expect([json.body, json.isBase64Encoded]).toEqual(['{"a":1}', false]);
    expect([binary.body, binary.isBase64Encoded]).toEqual(['AAEC', true]);
  });

  it('passes a text body whose bytes are not UTF-8 as base64, unchanged', () => {
    const bytes = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);

    const event = request({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes,
    });

    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
  });

  it('leaves out what a request does not have', () => {
    const event = request({ url: '/v1/infrastructure/estates', headers: {} });

    expect(event.queryStringParameters).toBeUndefined();
    expect(event.cookies).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
  });
});

describe('isTextContent', () => {
  it.each([
    ['application/json; charset=utf-8', true],
    ['application/problem+json', true],
    ['text/plain', true],
    ['application/octet-stream', false],
    ['image/png', false],
  ])('judges %s as text: %s', (type, text) => {
    expect(isTextContent(type)).toBe(text);
  });
});
