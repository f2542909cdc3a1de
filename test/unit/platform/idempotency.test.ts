import { describe, expect, it } from 'vitest';
import { answerExisting, keepsOutcome } from '../../../functions/platform/idempotency.ts';
import {
  canonicalJson,
  readIdempotencyKey,
  requestFingerprint,
} from '../../../functions/platform/idempotency-key.ts';
import type { IdempotencyRecord } from '../../../functions/store/idempotency.ts';

const request = (overrides: Partial<Parameters<typeof requestFingerprint>[0]> = {}) => ({
  method: 'POST',
  route: 'POST /v1/infrastructure/deployments/{id}/cancel',
  path: '/v1/infrastructure/deployments/DEPLOY-26-000001/cancel',
  body: '{"a":1,"b":[2,{"d":4,"c":3}]}',
  ...overrides,
});

const record = (overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  status: 'completed',
  fingerprint: 'f1',
  locked_until: 0,
  response: { status: 202, headers: { location: '/x' }, body: '{"data":1}' },
  ...overrides,
});

describe('readIdempotencyKey', () => {
  it('reads a key of visible ASCII characters', () => {
    expect(readIdempotencyKey({ 'idempotency-key': 'a-B_9:~!' })).toBe('a-B_9:~!');
  });

  it('is undefined without the header', () => {
    expect(readIdempotencyKey({})).toBeUndefined();
  });

  it.each(['', 'with space', 'ümlaut', 'x'.repeat(256), 'tab\there'])(
    'refuses %j with a 400 naming the header',
    (key) => {
      const read = () => readIdempotencyKey({ 'idempotency-key': key });

      expect(read).toThrow(
        expect.objectContaining({
          status: 400,
          fields: [expect.objectContaining({ field: 'header.idempotency-key' })],
        }),
      );
    },
  );
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
  });
});

describe('requestFingerprint', () => {
  it('ignores the order of body fields', () => {
    const reordered = request({ body: '{"b":[2,{"c":3,"d":4}],"a":1}' });

    expect(requestFingerprint(reordered)).toBe(requestFingerprint(request()));
  });

  it.each([
    ['method', { method: 'PATCH' }],
    ['path', { path: '/v1/infrastructure/deployments/DEPLOY-26-000002/cancel' }],
    ['route', { route: 'POST /v1/infrastructure/deployments' }],
    ['body', { body: '{"a":2}' }],
  ])('differs when the %s differs', (_part, overrides) => {
    expect(requestFingerprint(request(overrides))).not.toBe(
      requestFingerprint(request()),
    );
  });

  it('hashes a body that is not JSON as it is', () => {
    expect(requestFingerprint(request({ body: 'a=b' }))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('keepsOutcome', () => {
  it.each([
    [201, true],
    [202, true],
    [403, true],
    [409, true],
    [422, true],
    [400, false],
    [429, false],
    [500, false],
    [503, false],
  ])('answers %i with %s', (status, kept) => {
    expect(keepsOutcome(status)).toBe(kept);
  });
});

describe('answerExisting', () => {
  it('replays a completed response with the replay header', () => {
    const response = answerExisting(record(), 'f1');

    expect(response).toEqual({
      statusCode: 202,
      headers: { location: '/x', 'idempotent-replayed': 'true' },
      body: '{"data":1}',
    });
  });

  it('refuses another request with the key as 422', () => {
    const answer = () => answerExisting(record(), 'f2');

    expect(answer).toThrow(
      expect.objectContaining({ status: 422, code: 'idempotency_key_reused' }),
    );
  });

  it('answers 409 with Retry-After while the first request runs', () => {
    const answer = () => answerExisting(record({ status: 'in_progress' }), 'f1');

    expect(answer).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'idempotency_request_in_progress',
        headers: { 'retry-after': '1' },
      }),
    );
  });
});
