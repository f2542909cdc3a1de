import type middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer as HttpEvent,
  APIGatewayProxyStructuredResultV2 as HttpResponse,
} from 'aws-lambda';
import { countRequests } from '../store/rate-limit.ts';
import { workspaceOf } from './auth.ts';
import { TooManyRequestsError } from './errors.ts';

/** Requests a workspace may make per minute when nothing else is configured. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const WINDOW_SECONDS = 60;
/** Counters outlive their window by this much, so a late request never revives one. */
const COUNTER_GRACE_SECONDS = 60;
/** An instance reports what it counted at least this often while a workspace is busy. */
export const REPORT_INTERVAL_MS = 1000;
/** Workspaces an instance keeps tallies for before it drops those of past windows. */
const TALLY_SWEEP_SIZE = 1000;

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
 * How many requests an instance may count locally before it must report them: a
 * twentieth of the limit, so a small limit is counted request by request.
 */
export function reportBatch(limit: number): number {
  return Math.max(1, Math.floor(limit / 20));
}

/** Adds `count` requests to the shared counter of a window; answers its new total. */
export type ReportRequests = (
  workspaceId: string,
  window: RateWindow,
  count: number,
) => Promise<number>;

interface Tally {
  windowStart: number;
  /** The shared count as of this instance's last report. */
  known: number;
  /** Requests admitted here and not yet added to the shared count. */
  pending: number;
  /** Requests being added to the shared count by reports still under way. */
  reporting: number;
  lastReportMs: number;
}

/**
 * One instance's view of every workspace's window. Requests are counted locally and
 * added to the shared DynamoDB counter in batches — when a batch is full, when a
 * second has passed since the last report, and for every request once the count is
 * within a batch of the limit — so a read far from its limit costs no extra call.
 * The limit is therefore exact for one instance, however many requests it serves at
 * once, and, across N warm instances, may be exceeded by at most N batches before
 * every instance refuses.
 */
export class RateLimiter {
  private readonly tallies = new Map<string, Tally>();
  private readonly report: ReportRequests;

  constructor(report: ReportRequests) {
    this.report = report;
  }

  /** Counts one request; answers whether it is within the workspace's limit. */
  async admit(
    workspaceId: string,
    limit: number,
    nowMs: number,
  ): Promise<{ readonly admitted: boolean; readonly window: RateWindow }> {
    const window = rateWindow(nowMs);
    const tally = this.tallyOf(workspaceId, window.start, nowMs);
    // Already over: refuse without counting, so a flood of refusals writes nothing.
    if (tally.known >= limit) return { admitted: false, window };
    tally.pending += 1;
    const batch = reportBatch(limit);
    // Requests whose report has not come back yet count too, or concurrent requests in
    // one process would each see a count without them.
    const estimate = tally.known + tally.reporting + tally.pending;
    const due =
      tally.pending >= batch ||
      limit - estimate < batch ||
      nowMs - tally.lastReportMs >= REPORT_INTERVAL_MS;
    if (!due) return { admitted: true, window };

    const count = tally.pending;
    tally.pending = 0;
    tally.reporting += count;
    tally.lastReportMs = nowMs;
    let total: number;
    try {
      total = await this.report(workspaceId, window, count);
    } catch (error) {
      // Nothing was added; the requests are reported with the next batch instead.
      tally.pending += count - 1;
      throw error;
    } finally {
      tally.reporting -= count;
    }
    // Reports made concurrently may come back out of order; the count only grows.
    tally.known = Math.max(tally.known, total);
    return { admitted: total <= limit, window };
  }

  private tallyOf(workspaceId: string, windowStart: number, nowMs: number): Tally {
    const existing = this.tallies.get(workspaceId);
    if (existing?.windowStart === windowStart) return existing;
    if (this.tallies.size >= TALLY_SWEEP_SIZE) this.sweep(windowStart);
    const fresh = {
      windowStart,
      known: 0,
      pending: 0,
      reporting: 0,
      lastReportMs: nowMs,
    };
    this.tallies.set(workspaceId, fresh);
    return fresh;
  }

  /** Forgets tallies of past windows: their counts can no longer refuse anything. */
  private sweep(windowStart: number) {
    for (const [workspaceId, tally] of this.tallies)
      if (tally.windowStart < windowStart) this.tallies.delete(workspaceId);
  }
}

const limiter = new RateLimiter((workspaceId, window, count) =>
  countRequests(workspaceId, window.start, window.expiresAt, count),
);

/**
 * Limits each workspace to `WORKSPACE_RATE_LIMIT_PER_MINUTE` requests per fixed
 * one-minute window (see {@link RateLimiter} for how requests are counted). Requests
 * without a workspace claim pass untouched (the chain answers 401 for them later); a
 * limit of 0 turns the check off.
 */
export const rateLimit = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => ({
  before: async (request) => {
    const limit = rateLimitPerMinute(process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE);
    const workspaceId = workspaceOf(
      request.event.requestContext?.authorizer?.jwt?.claims,
    );
    if (limit === 0 || !workspaceId) return;
    const { admitted, window } = await limiter.admit(workspaceId, limit, Date.now());
    if (admitted) return;
    throw new TooManyRequestsError(
      'rate_limited',
      `This workspace may make ${limit} requests a minute; retry in ${window.retryAfterSeconds} s.`,
      window.retryAfterSeconds,
    );
  },
});
