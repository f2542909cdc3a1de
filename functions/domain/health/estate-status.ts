/** An active estate whose health score falls below this becomes degraded. */
export const DEGRADED_BELOW = 70;

/** A degraded estate becomes active again once its score reaches this. */
export const RECOVERED_AT = 80;

export type HealthStatus = 'active' | 'degraded';

/**
 * The status an active or degraded estate should have at this score. The gap between
 * the two thresholds keeps an estate near the line from flapping.
 */
export function statusForScore(current: HealthStatus, score: number): HealthStatus {
  if (current === 'active') return score < DEGRADED_BELOW ? 'degraded' : 'active';
  return score >= RECOVERED_AT ? 'active' : 'degraded';
}
