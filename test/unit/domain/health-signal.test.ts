import { describe, expect, it } from 'vitest';
import { HealthSignalBody } from '../../../functions/domain/health/health-signal.ts';

const signal = (observedAt: string) => ({
  source: 'synthetics',
  availability: 1,
  error_rate: 0,
  observed_at: observedAt,
});
const iso = (offsetMs: number) =>
  new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('HealthSignalBody', () => {
  it('takes a reading from now or the past, and one a little ahead for clock skew', () => {
    expect(HealthSignalBody.safeParse(signal(iso(-60_000))).success).toBe(true);
    expect(HealthSignalBody.safeParse(signal(iso(60_000))).success).toBe(true);
  });

  it('refuses a reading from the future that would outrank every real one', () => {
    const result = HealthSignalBody.safeParse(signal('2099-12-04T17:00:00Z'));

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['observed_at']);
  });
});
