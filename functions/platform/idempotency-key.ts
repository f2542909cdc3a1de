import { createHash } from 'node:crypto';
import { BadRequestError } from './errors.ts';

/** The request header that makes a write safe to retry (lower-cased, as API Gateway passes it). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** 1–255 visible ASCII characters: no spaces, no control characters. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Reads the Idempotency-Key header: undefined when absent, a 400 naming it when malformed. */
export function readIdempotencyKey(
  headers: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const key = headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return undefined;
  if (KEY.test(key)) return key;
  const message = 'Idempotency-Key must be 1 to 255 visible ASCII characters.';
  throw new BadRequestError('invalid_idempotency_key', message, [
    { field: 'header.idempotency-key', message, code: 'invalid_idempotency_key' },
  ]);
}

export interface FingerprintInput {
  readonly method: string;
  /** The route key, e.g. `POST /v1/infrastructure/estates`. */
  readonly route: string;
  /** The concrete path: a key reused for another deployment's cancel is another request. */
  readonly path: string;
  readonly body: string;
}

/** Serialises JSON with sorted keys, so a retry that orders fields differently still matches. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function canonicalBody(body: string): string {
  try {
    return canonicalJson(JSON.parse(body));
  } catch {
    return body;
  }
}

/** SHA-256 of what makes two requests the same one: method, route, path and body. */
export function requestFingerprint(input: FingerprintInput): string {
  return createHash('sha256')
    .update([input.method, input.route, input.path, canonicalBody(input.body)].join('\n'))
    .digest('hex');
}
