/** An active estate whose health score falls below this becomes degraded. */
export const DEGRADED_BELOW = 70;

/** A degraded estate becomes active again once its score reaches this. */
export const RECOVERED_AT = 80;

export type HealthStatus = 'active' | 'degraded';

/**
 * The status an active or degraded estate should have at this score. The gap between
 * the two thresholds keeps an estate near the line from flapping. With no score
 * (nothing running to measure) nothing says the estate is degraded: it is active.
 */
export function statusForScore(
  current: HealthStatus,
  score: number | null,
): HealthStatus {
  if (score === null) return 'active';
  if (current === 'active') return score < DEGRADED_BELOW ? 'degraded' : 'active';
  return score >= RECOVERED_AT ? 'active' : 'degraded';
}

/**
 * What an estate transition sets and removes so the estate keeps no score: only
 * active and degraded estates are scored, so leaving them (or becoming active with
 * nothing running yet) clears health_score and its breakdown together.
 */
export const UNSCORED = {
  set: { health_score: null },
  remove: ['health'],
} as const;
