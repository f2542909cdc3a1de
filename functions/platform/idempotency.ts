import { randomUUID } from 'node:crypto';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer as HttpEvent,
  APIGatewayProxyStructuredResultV2 as HttpResponse,
} from 'aws-lambda';
import {
  claimKey,
  completeKey,
  type IdempotencyRecord,
  releaseKey,
  type StoredResponse,
} from '../store/idempotency.ts';
import { ApiError, UnprocessableError } from './errors.ts';
import { readIdempotencyKey, requestFingerprint } from './idempotency-key.ts';
import { logger } from './logger.ts';
import { problemResponse } from './problem-response.ts';

/** How long a key is remembered after its request finished. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** An in-progress claim older than this (longer than any function runs) may be taken over. */
export const IDEMPOTENCY_LOCK_MS = 60_000;
/** Marks a response that is a replay of the first one. */
export const REPLAYED_HEADER = 'idempotent-replayed';
/** The headers a replay repeats; x-request-id is the replay's own. */
const KEPT_HEADERS = ['content-type', 'location', 'etag'];

/**
 * Whether a request's outcome is kept for replay: successes and the action's own
 * refusals are; a malformed request (400), a rate limit (429) and a failure (5xx) are
 * not, so the client can fix the request or wait and retry with the same key.
 */
export function keepsOutcome(status: number): boolean {
  return status < 500 && status !== 400 && status !== 429;
}

/** What an existing record means for a request carrying its key. */
export function answerExisting(
  record: IdempotencyRecord,
  fingerprint: string,
): HttpResponse {
  if (record.fingerprint !== fingerprint) {
    throw new UnprocessableError(
      'idempotency_key_reused',
      'This Idempotency-Key was used for a different request; use a new key for a new request.',
    );
  }
  if (record.status === 'completed' && record.response) return replay(record.response);
  throw new ApiError(409, {
    code: 'idempotency_request_in_progress',
    detail: 'A request with this Idempotency-Key is still running; retry shortly.',
    headers: { 'retry-after': '1' },
  });
}

function replay(stored: StoredResponse): HttpResponse {
  return {
    statusCode: stored.status,
    headers: { ...stored.headers, [REPLAYED_HEADER]: 'true' },
    body: stored.body,
  };
}

function toStored(response: HttpResponse): StoredResponse {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers?.[name];
    if (value !== undefined) headers[name] = String(value);
  }
  return { status: response.statusCode ?? 200, headers, body: response.body ?? '' };
}

const bodyOf = (event: HttpEvent) =>
  event.isBase64Encoded && event.body
    ? Buffer.from(event.body, 'base64').toString('utf8')
    : (event.body ?? '');

interface Claim {
  readonly workspaceId: string;
  readonly key: string;
  readonly token: string;
}

/** Keeps or frees a claimed key; a failure here must not hide the action's outcome. */
async function settle(claim: Claim, response: HttpResponse): Promise<void> {
  try {
    const status = response.statusCode ?? 200;
    if (!keepsOutcome(status))
      return await releaseKey(claim.workspaceId, claim.key, claim.token);
    const expiresAt = Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS;
    await completeKey(
      claim.workspaceId,
      claim.key,
      claim.token,
      toStored(response),
      expiresAt,
    );
  } catch (error) {
    logger.warn('idempotency record not settled', { error, idempotency_key: claim.key });
  }
}

/**
 * Runs a write at most once per Idempotency-Key within the caller's workspace. The
 * first request claims the key with a conditional Put; a retry of the same request
 * gets the stored response again, byte for byte; a different request with the key is a
 * 422, and a retry while the first still runs is a 409. Without the header, it just runs.
 */
export async function idempotent(
  event: HttpEvent,
  workspaceId: string,
  run: () => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const key = readIdempotencyKey(event.headers ?? {});
  if (key === undefined) return run();
  const fingerprint = requestFingerprint({
    method: event.requestContext?.http?.method ?? '',
    route: event.routeKey,
    path: event.rawPath,
    body: bodyOf(event),
  });
  const claim = { workspaceId, key, token: randomUUID() };
  const claimed = await claimKey({
    ...claim,
    fingerprint,
    nowMs: Date.now(),
    lockMs: IDEMPOTENCY_LOCK_MS,
    ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
  });
  if (!claimed.claimed) return answerExisting(claimed.record, fingerprint);
  try {
    const response = await run();
    await settle(claim, response);
    return response;
  } catch (error) {
    await settle(
      claim,
      problemResponse(error, event.requestContext?.requestId ?? 'unknown'),
    );
    throw error;
  }
}
