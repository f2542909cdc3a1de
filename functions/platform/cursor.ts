import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequestError } from './errors.ts';

export type CursorKey = Record<string, unknown>;

function signingKey(): string {
  const key = process.env.CURSOR_SIGNING_KEY;
  if (!key) throw new Error('CURSOR_SIGNING_KEY is not set');
  return key;
}

function sign(payload: string): string {
  return createHmac('sha256', signingKey()).update(payload).digest('base64url');
}

/**
 * Encodes a position in a list as an opaque cursor. The cursor is signed and bound to
 * the list it came from (`scope`), so a forged or transplanted cursor is refused.
 */
export function encodeCursor(scope: string, key: CursorKey): string {
  const payload = Buffer.from(JSON.stringify({ s: scope, k: key })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

const invalid = () =>
  new BadRequestError(
    'invalid_cursor',
    'The cursor is malformed, altered or from another list.',
    [
      {
        field: 'query.cursor',
        message: 'Use the next_cursor value of the previous page as it is.',
        code: 'invalid_cursor',
      },
    ],
  );

/** Decodes a cursor made by encodeCursor for the same scope, or throws a 400. */
export function decodeCursor(scope: string, cursor: string): CursorKey {
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid();
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw invalid();
  const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!isCursorBody(decoded) || decoded.s !== scope) throw invalid();
  return decoded.k;
}

function isCursorBody(value: unknown): value is { s: string; k: CursorKey } {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as { s?: unknown; k?: unknown };
  return typeof body.s === 'string' && typeof body.k === 'object' && body.k !== null;
}
