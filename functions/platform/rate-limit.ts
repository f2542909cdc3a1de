import type middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer as HttpEvent,
  APIGatewayProxyStructuredResultV2 as HttpResponse,
} from 'aws-lambda';
import { countRequest } from '../store/rate-limit.ts';
import { workspaceOf } from './auth.ts';
import { TooManyRequestsError } from './errors.ts';

/** Requests a workspace may make per minute when nothing else is configured. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const WINDOW_SECONDS = 60;
/** Counters outlive their window by this much, so a late request never revives one. */
const COUNTER_GRACE_SECONDS = 60;

/** Reads `WORKSPACE_RATE_LIMIT_PER_MINUTE`: a whole number, 0 switching the limit off. */
export function rateLimitPerMinute(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_RATE_LIMIT_PER_MINUTE;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0)
    throw new Error(
      `WORKSPACE_RATE_LIMIT_PER_MINUTE must be a whole number, not "${value}"`,
    );
  return limit;
}

export interface RateWindow {
  /** Epoch seconds the window starts at. */
  readonly start: number;
  /** Whole seconds until the next window, at least 1: the Retry-After of a refusal. */
  readonly retryAfterSeconds: number;
  /** Epoch seconds after which TTL may remove the window's counter. */
  readonly expiresAt: number;
}

/** The fixed window `nowMs` falls in. */
export function rateWindow(nowMs: number, windowSeconds = WINDOW_SECONDS): RateWindow {
  const nowSeconds = nowMs / 1000;
  const start = Math.floor(nowSeconds / windowSeconds) * windowSeconds;
  const end = start + windowSeconds;
  return {
    start,
    retryAfterSeconds: Math.max(1, Math.ceil(end - nowSeconds)),
    expiresAt: end + COUNTER_GRACE_SECONDS,
  };
}

/**
 * Limits each workspace to `WORKSPACE_RATE_LIMIT_PER_MINUTE` requests per fixed
 * one-minute window, counted with one atomic UpdateItem per request. Requests without
 * a workspace claim pass untouched (the chain answers 401 for them later); a limit of
 * 0 turns the check, and its DynamoDB call, off.
 */
export const rateLimit = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => ({
  before: async (request) => {
    const limit = rateLimitPerMinute(process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE);
    const workspaceId = workspaceOf(
      request.event.requestContext?.authorizer?.jwt?.claims,
    );
    if (limit === 0 || !workspaceId) return;
    const window = rateWindow(Date.now());
    const count = await countRequest(workspaceId, window.start, window.expiresAt);
    if (count <= limit) return;
    throw new TooManyRequestsError(
      'rate_limited',
      `This workspace may make ${limit} requests a minute; retry in ${window.retryAfterSeconds} s.`,
      window.retryAfterSeconds,
    );
  },
});
