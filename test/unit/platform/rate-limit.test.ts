import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  rateLimitPerMinute,
  rateWindow,
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
