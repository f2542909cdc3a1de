import { ApiError, BadRequestError } from './errors.ts';

/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

interface BodyInput {
  readonly body?: string | undefined;
  readonly isBase64Encoded?: boolean;
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

/** Parses a JSON request body, refusing what is missing, too large, not JSON or not an object. */
export function parseJsonBody(event: BodyInput): unknown {
  const contentType = event.headers?.['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (event.body === undefined || event.body === '') {
    throw new BadRequestError(
      'body_required',
      'This operation needs a JSON request body.',
    );
  }
  if (
    (mediaType !== 'application/json' &&
      !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) ||
    !isUtf8Charset(contentType)
  ) {
    throw new ApiError(415, {
      code: 'unsupported_media_type',
      detail: 'Send the body as application/json, in UTF-8.',
      headers: { accept: 'application/json' },
    });
  }
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : undefined;
  if ((bytes?.length ?? Buffer.byteLength(event.body, 'utf8')) > MAX_BODY_BYTES) {
    throw new ApiError(413, {
      code: 'body_too_large',
      detail: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    });
  }
  const parsed = parseJson(
    bytes ? utf8Text(bytes) : event.body,
    'The request body is not valid JSON.',
  );
  const malformed = lonelySurrogateAt(parsed);
  if (malformed !== undefined) {
    throw new ApiError(400, {
      code: 'invalid_json',
      detail: `The request body holds a string that is not text (an unpaired \\u surrogate escape) at ${malformed}.`,
    });
  }
  return parsed;
}

/** Whether a Content-Type names no charset or UTF-8, the only one JSON text may use (RFC 8259). */
function isUtf8Charset(contentType: string): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType)?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a body that came base64-encoded, refused as invalid_json when its bytes
 * are not UTF-8: decoding would swap them for U+FFFD and store what nobody sent.
 */
function utf8Text(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch (cause) {
    throw new ApiError(400, {
      code: 'invalid_json',
      detail: 'The request body is not UTF-8 text.',
      cause,
    });
  }
}

/** The JSON a text holds; a 400 `invalid_json` saying `detail` when it holds none. */
function parseJson(text: string, detail: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError(400, { code: 'invalid_json', detail, cause });
  }
}

/**
 * What a route without a body was sent: undefined for nothing (or white space alone),
 * else its JSON, for the route to refuse any field in it. The text must be UTF-8 JSON
 * like any body's, but each refusal is a 400: such a route has no media type for a
 * 415 to be about.
 */
export function parseUnwantedBody(event: BodyInput): unknown {
  if (event.body === undefined) return undefined;
  const text = event.isBase64Encoded
    ? utf8Text(Buffer.from(event.body, 'base64'))
    : event.body;
  if (text.trim() === '') return undefined;
  if (!isUtf8Charset(event.headers?.['content-type'] ?? '')) {
    throw new ApiError(400, {
      code: 'invalid_json',
      detail: 'This operation takes no body; send none, or {} as JSON in UTF-8.',
    });
  }
  return parseJson(text, 'This operation takes no body; send none, or {}.');
}

interface Visit {
  readonly value: unknown;
  readonly key: string | null;
  readonly parent: Visit | null;
}

/** The dotted path of a visit, from the body down; long ones keep their two ends. */
function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.key != null; at = at.parent) keys.push(at.key);
  const path = ['body', ...keys.reverse()].join('.');
  return path.length <= 200 ? path : `${path.slice(0, 100)}…${path.slice(-100)}`;
}

/**
 * Where the first string (or key) holding an unpaired UTF-16 surrogate is, if any. JSON
 * lets `\ud800` through, but such a string is no text (I-JSON, RFC 7493, forbids it):
 * DynamoDB and EventBridge would refuse or mangle it far from the request. Walks with
 * a stack of its own, since a body of 64 KB can nest deeper than the call stack goes.
 */
function lonelySurrogateAt(body: unknown): string | undefined {
  const pending: Visit[] = [{ value: body, key: null, parent: null }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return pathOf(visit);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const entries = Object.entries(value);
    // A malformed key is not echoed back: the problem document stays text.
    if (entries.some(([key]) => !key.isWellFormed())) return `a key of ${pathOf(visit)}`;
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index] ?? [];
      if (key !== undefined) pending.push({ value: child, key, parent: visit });
    }
  }
  return undefined;
}
