import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../../functions/platform/json-body.ts';

/** One request the fuzzer sends: what it changed, and the request itself. */
export interface Probe {
  readonly mutation: string;
  readonly query: readonly (readonly [string, string])[];
  readonly pathId?: string;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers: Readonly<Record<string, string>>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** Strings that have broken parsers, loggers and key builders elsewhere. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  '\u202e',
  '💥🔥',
  'é'.normalize('NFD'),
  '\ud800',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  `\${jndi:ldap://x}`,
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'EVENT#2026',
  'ESTATE#',
  '#',
  'null',
  'NaN',
  '1e309',
  '-0',
  'true',
];

export const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 121, max: 5000 }).map((length) => 'x'.repeat(length)),
);

/** A nesting of arrays or objects, `maxDepth` at most, to trip recursive code. */
const nested = (maxDepth: number) =>
  fc
    .tuple(fc.integer({ min: 100, max: maxDepth }), fc.boolean())
    .map(([depth, objects]) =>
      objects
        ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
        : `${'['.repeat(depth)}${']'.repeat(depth)}`,
    );

/** Sent as text only: the test's own JSON.stringify could not build these. */
const deeplyNested = nested(20_000);

/** Any JSON value, including the odd ones. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, [], {}),
  nastyString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.constant(null), { maxLength: 3 }),
  nested(1000).map((text): unknown => JSON.parse(text)),
);

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}

/** Sets `value` at a path inside a copy of a JSON body. */
function setAt(body: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const copy: Record<string, unknown> =
    typeof body === 'object' && body !== null ? { ...(body as object) } : {};
  Object.defineProperty(copy, head, {
    value: setAt(copy[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function withoutKey(body: unknown, path: readonly string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || typeof body !== 'object' || body === null) return body;
  const copy = { ...(body as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head];
  else copy[head] = withoutKey(copy[head], rest);
  return copy;
}

/** Paths to every field of a body, nested ones included (one level of objects deep). */
function fieldPaths(body: unknown): string[][] {
  const paths: string[][] = [];
  for (const key of keysOf(body)) {
    paths.push([key]);
    const inner = (body as Record<string, unknown>)[key];
    if (!Array.isArray(inner)) for (const sub of keysOf(inner)) paths.push([key, sub]);
  }
  return paths;
}

/** Bodies changed from a valid one: wrong types, missing or extra fields, odd values. */
export function bodyMutations(valid: Record<string, unknown>): fc.Arbitrary<Probe> {
  const paths = fieldPaths(valid);
  const base = { query: [], headers: JSON_HEADERS } as const;
  const field = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant(['name']);
  return fc.oneof(
    fc.tuple(field, anyValue).map(([path, value]) => ({
      ...base,
      mutation: `set ${path.join('.')}`,
      body: setAt(valid, path, value),
    })),
    field.map((path) => ({
      ...base,
      mutation: `drop ${path.join('.')}`,
      body: withoutKey(valid, path),
    })),
    fc
      .tuple(
        fc.oneof(nastyString, fc.constantFrom('__proto__', 'id', 'status')),
        anyValue,
      )
      .map(([key, value]) => ({
        ...base,
        mutation: 'extra field',
        body: setAt(valid, [key], value),
      })),
    anyValue
      .filter(
        (value) => typeof value !== 'object' || value === null || Array.isArray(value),
      )
      .map((value) => ({ ...base, mutation: 'body not an object', body: value })),
    fc.constant({ ...base, mutation: 'empty object', body: {} }),
    rawBodies(valid),
  );
}

/** Bodies that are not JSON, too big, or sent as another media type. */
function rawBodies(valid: Record<string, unknown>): fc.Arbitrary<Probe> {
  const text = JSON.stringify(valid);
  const base = { query: [], headers: JSON_HEADERS } as const;
  return fc.oneof(
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => ({
      ...base,
      mutation: 'truncated JSON',
      rawBody: text.slice(0, cut),
    })),
    fc
      .oneof(
        nastyString,
        fc.constantFrom('{', '{"a":}', "{'a':1}", 'undefined', '\ufeff{}'),
      )
      .map((raw) => ({ ...base, mutation: 'not JSON', rawBody: raw })),
    deeplyNested.map((raw) => ({ ...base, mutation: 'deeply nested', rawBody: raw })),
    fc.integer({ min: 1, max: 4096 }).map((extra) => ({
      ...base,
      mutation: 'oversized body',
      body: { ...valid, padding: 'x'.repeat(MAX_BODY_BYTES + extra) },
    })),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
        'json',
      )
      .map((type) => ({
        query: [],
        headers: { 'content-type': type },
        mutation: `content-type ${type}`,
        body: valid,
      })),
  );
}

const LIMITS = [
  '0',
  '-1',
  '101',
  '1e2',
  '1.5',
  'abc',
  '',
  ' 5',
  '99999999999999999999',
  '0x10',
];

/** A cursor that looks like ours but was never signed by us. */
const forgedCursor = fc
  .tuple(fc.jsonValue({ maxDepth: 2 }), nastyString)
  .map(
    ([key, signature]) =>
      `${Buffer.from(JSON.stringify({ s: 'estates', k: key })).toString('base64url')}.${signature}`,
  );

/** Query strings with junk: unknown keys, bad limits, forged cursors, repeated keys. */
export function queryMutations(
  valid: readonly (readonly [string, string])[],
): fc.Arbitrary<Probe['query']> {
  const cursor = fc.oneof(
    forgedCursor,
    nastyString,
    fc.constantFrom('a.b', 'a.b.c', '.', 'x'.repeat(3000)),
  );
  const keys = valid.map(([name]) => name);
  return fc.oneof(
    fc.constantFrom(...LIMITS).map((limit) => [...valid, ['limit', limit] as const]),
    cursor.map((value) => [...valid, ['cursor', value] as const]),
    fc
      .tuple(
        nastyString.filter((name) => name !== ''),
        nastyString,
      )
      .map(([name, value]) => [...valid, [name, value] as const]),
    fc.constant([...valid, ...valid]),
    keys.length > 0
      ? fc
          .tuple(fc.constantFrom(...keys), nastyString)
          .map(([name, value]) => [
            ...valid.filter(([key]) => key !== name),
            [name, value] as const,
          ])
      : fc.constant([['validate_only', 'maybe'] as const]),
    fc.constant(valid.filter((_, index) => index > 0)),
  );
}

/** Path IDs of the wrong form, of the wrong kind, or well-formed and unknown. */
export function pathIdMutations(prefix: string): fc.Arbitrary<string> {
  return fc.oneof(
    nastyString.filter((id) => id !== ''),
    fc.constantFrom(
      'ESTATE-26-999998',
      'INFSVC-26-999998',
      'WS-26-000021',
      'LIN-26-999998',
    ),
    fc
      .integer({ min: 900_000, max: 999_999 })
      .map((number) => `${prefix}-26-${String(number)}`),
    fc.constantFrom(
      `${prefix}-26-`,
      `${prefix}-2-000001`,
      `${prefix.toLowerCase()}-26-000001`,
    ),
    fc.constant(`${prefix}-26-${'9'.repeat(200)}`),
  );
}

/** Headers no client should send: bad Idempotency-Key, bad If-Match. */
export const headerMutations: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom('', ' ', 'has space', 'é', 'x'.repeat(256), 'tab\there'),
      fc
        .string({ unit: 'binary', minLength: 1, maxLength: 20 })
        .filter((key) => /[^\x21-\x7e]/.test(key)),
    )
    .map((key) => ({ 'idempotency-key': key.replace(/[\r\n]/g, ' ') })),
  fc
    .constantFrom('v1', '"unterminated', 'W/', '*,*', '"a" "b"', ',', '"v1",', 'W/"v1"')
    .map((tag) => ({ 'if-match': tag })),
);
