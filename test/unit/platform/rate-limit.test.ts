import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  RateLimiter,
  REPORT_INTERVAL_MS,
  type ReportRequests,
  rateLimitPerMinute,
  rateWindow,
  reportBatch,
} from '../../../functions/platform/rate-limit.ts';

const at = (iso: string) => Date.parse(iso);

describe('rateWindow', () => {
  it('starts the window at the whole minute', () => {
    const window = rateWindow(at('2026-04-01T09:00:42.500Z'));

    expect(window.start).toBe(at('2026-04-01T09:00:00Z') / 1000);
  });

  it('asks to retry when the next window opens, rounding up', () => {
    expect(rateWindow(at('2026-04-01T09:00:42.500Z')).retryAfterSeconds).toBe(18);
    expect(rateWindow(at('2026-04-01T09:00:00.000Z')).retryAfterSeconds).toBe(60);
  });

  it('asks for at least one second at the very end of a window', () => {
    expect(rateWindow(at('2026-04-01T09:00:59.999Z')).retryAfterSeconds).toBe(1);
  });

  it('lets TTL remove the counter a minute after the window ends', () => {
    const window = rateWindow(at('2026-04-01T09:00:42Z'));

    expect(window.expiresAt).toBe(at('2026-04-01T09:02:00Z') / 1000);
  });

  it('puts two moments of one minute in one window', () => {
    expect(rateWindow(at('2026-04-01T09:00:01Z')).start).toBe(
      rateWindow(at('2026-04-01T09:00:59Z')).start,
    );
  });
});

describe('rateLimitPerMinute', () => {
  it('defaults when unset', () => {
    expect(rateLimitPerMinute(undefined)).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
  });

  it('reads a whole number and 0 as off', () => {
    expect(rateLimitPerMinute('25')).toBe(25);
    expect(rateLimitPerMinute('0')).toBe(0);
  });

  it.each(['-1', '2.5', 'many'])('refuses %j', (value) => {
    expect(() => rateLimitPerMinute(value)).toThrow(/WORKSPACE_RATE_LIMIT_PER_MINUTE/);
  });
});

/** A shared counter standing in for DynamoDB, recording every report made to it. */
function sharedCounter() {
  const counts = new Map<string, number>();
  const reports: number[] = [];
  const report: ReportRequests = async (workspaceId, window, count) => {
    reports.push(count);
    const key = `${workspaceId}#${window.start}`;
    const total = (counts.get(key) ?? 0) + count;
    counts.set(key, total);
    return total;
  };
  return { report, reports, counts };
}

const START = at('2026-04-01T09:00:00Z');

/** Sends `n` requests 1 ms apart from `startMs`, answering how many were admitted. */
async function send(limiter: RateLimiter, limit: number, n: number, startMs = START) {
  let admitted = 0;
  for (let index = 0; index < n; index += 1)
    if ((await limiter.admit('WS-1', limit, startMs + index)).admitted) admitted += 1;
  return admitted;
}

describe('reportBatch', () => {
  it('is a twentieth of the limit, and 1 for small limits', () => {
    expect(reportBatch(600)).toBe(30);
    expect(reportBatch(39)).toBe(1);
    expect(reportBatch(1)).toBe(1);
  });
});

describe('RateLimiter', () => {
  it('admits exactly the limit on one instance and refuses the next request', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);

    const admitted = await send(limiter, 600, 700);

    expect(admitted).toBe(600);
  });

  it('reports far from the limit in batches, and every request near it', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);

    await send(limiter, 600, 600);

    // 570 requests in batches of 30, then the last 30 one by one.
    expect(counter.reports).toEqual([...Array(19).fill(30), ...Array(30).fill(1)]);
  });

  it('counts a small limit request by request', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);

    const admitted = await send(limiter, 3, 5);

    expect(admitted).toBe(3);
    expect(counter.reports).toEqual([1, 1, 1]);
  });

  it('refuses without reporting once the shared count is at the limit', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);
    await send(limiter, 3, 3);

    const refusal = await limiter.admit('WS-1', 3, START + 10);

    expect(refusal.admitted).toBe(false);
    expect(counter.reports).toHaveLength(3);
  });

  it('reports a quiet workspace once a second has passed', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);

    await limiter.admit('WS-1', 600, START);
    await limiter.admit('WS-1', 600, START + 500);
    await limiter.admit('WS-1', 600, START + REPORT_INTERVAL_MS);

    expect(counter.reports).toEqual([3]);
  });

  it('sees what other instances reported and stops within a batch each of the limit', async () => {
    const counter = sharedCounter();
    const instances = [1, 2, 3].map(() => new RateLimiter(counter.report));

    let admitted = 0;
    for (let round = 0; round < 400; round += 1)
      for (const limiter of instances)
        if ((await limiter.admit('WS-1', 600, START + round)).admitted) admitted += 1;

    expect(admitted).toBeGreaterThanOrEqual(600);
    expect(admitted).toBeLessThanOrEqual(600 + 3 * reportBatch(600));
  });

  it('starts a new count when the window turns over', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);
    await send(limiter, 3, 4);

    const next = await limiter.admit('WS-1', 3, START + 60_000);

    expect(next.admitted).toBe(true);
    expect(next.window.start).toBe((START + 60_000) / 1000);
  });

  it('keeps the requests of a failed report for the next one, without the failed request', async () => {
    let fail = true;
    const counter = sharedCounter();
    const limiter = new RateLimiter(async (...args) => {
      if (fail) throw new Error('throttled');
      return counter.report(...args);
    });
    for (let index = 0; index < 29; index += 1)
      await limiter.admit('WS-1', 600, START + index);

    const failed = limiter.admit('WS-1', 600, START + 29);
    await expect(failed).rejects.toThrow('throttled');
    fail = false;
    await limiter.admit('WS-1', 600, START + 30);

    expect(counter.reports).toEqual([30]);
  });

  it('counts each workspace on its own', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);
    await send(limiter, 3, 4);

    const other = await limiter.admit('WS-2', 3, START + 5);

    expect(other.admitted).toBe(true);
  });
});

describe('RateLimiter under concurrent requests', () => {
  it('admits exactly the limit when requests of one instance overlap', async () => {
    const counter = sharedCounter();
    // Each report takes a moment to come back, as a DynamoDB call does.
    const slow: ReportRequests = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return counter.report(...args);
    };
    const limiter = new RateLimiter(slow);

    const decisions = await Promise.all(
      Array.from({ length: 130 }, () => limiter.admit('WS-1', 100, START)),
    );

    expect(decisions.filter((d) => d.admitted)).toHaveLength(100);
  });
});
