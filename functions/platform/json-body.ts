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
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError(400, {
      code: 'invalid_json',
      detail: 'The request body is not valid JSON.',
      cause,
    });
  }
}
