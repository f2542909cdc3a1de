import { ERROR_RATE_CEILING } from './health-formula.ts';

/** Weight of availability in a service's score; the error rate takes the rest. */
export const AVAILABILITY_WEIGHT = 0.6;

/**
 * A service's score (0–100) from a health signal: 60% availability, 40% the share of
 * the error budget left (an error rate of 10% or more leaves none). Latency is kept
 * with the reading but not scored: there is no latency objective to judge it by.
 */
export function signalScore(availability: number, errorRate: number): number {
  const errors = 1 - Math.min(1, errorRate / ERROR_RATE_CEILING);
  const score =
    100 * (AVAILABILITY_WEIGHT * availability + (1 - AVAILABILITY_WEIGHT) * errors);
  return Math.round(Math.min(100, Math.max(0, score)));
}
