import * as z from 'zod/mini';
import type { Verdict } from './violation.ts';

/**
 * `?validate_only=true` on a POST: judge the request, change nothing. Kept as the
 * string it arrives as (read it with `isValidateOnly` from platform/dry-run.ts): a boolean would take a
 * transform, which costs every handler bundle that takes the parameter a kilobyte.
 */
export const ValidateOnlyQuery = z.strictObject({
  validate_only: z._default(
    z.enum(['true', 'false'], 'validate_only is true or false.'),
    'false',
  ),
});

/**
 * The answer to a validate_only POST: whether the change would pass the estate's
 * policies, which it breaks, and what it would cost as far as that is known.
 */
export function verdictResult(verdict: Verdict, costImpact: Record<string, unknown>) {
  return {
    status: 200,
    body: {
      data: {
        valid: verdict.violations.length === 0,
        violations: verdict.violations,
        warnings: verdict.warnings,
        overridden: verdict.overridden,
        cost_impact: costImpact,
      },
    },
  };
}
