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
    mediaType !== 'application/json' &&
    !/^application\/[a-z0-9.+-]+\+json$/.test(mediaType)
  ) {
    throw new ApiError(415, {
      code: 'unsupported_media_type',
      detail: 'Send the body as application/json.',
      headers: { accept: 'application/json' },
    });
  }
  const text = event.isBase64Encoded
    ? Buffer.from(event.body, 'base64').toString('utf8')
    : event.body;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new ApiError(413, {
      code: 'body_too_large',
      detail: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ApiError(400, {
      code: 'invalid_json',
      detail: 'The request body is not valid JSON.',
      cause,
    });
  }
  const malformed = lonelySurrogateAt(parsed, 'body');
  if (malformed !== undefined) {
    throw new ApiError(400, {
      code: 'invalid_json',
      detail: `The request body holds a string that is not text (an unpaired \\u surrogate escape) at ${malformed}.`,
    });
  }
  return parsed;
}

/**
 * Where the first string (or key) holding an unpaired UTF-16 surrogate is, if any. JSON
 * lets `\ud800` through, but such a string is no text (I-JSON, RFC 7493, forbids it):
 * DynamoDB and EventBridge would refuse or mangle it far from the request.
 */
function lonelySurrogateAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : path;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    // A malformed key is not echoed back: the problem document stays text.
    if (!key.isWellFormed()) return `a key of ${path}`;
    const found = lonelySurrogateAt(child, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
