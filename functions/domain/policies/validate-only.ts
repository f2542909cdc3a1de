import * as z from 'zod/mini';
import type { Verdict } from './violation.ts';

/** `?validate_only=true` on a POST: judge the request, change nothing. */
export const ValidateOnlyQuery = z.strictObject({
  validate_only: z.pipe(
    z._default(z.enum(['true', 'false'], 'validate_only is true or false.'), 'false'),
    z.transform((value) => value === 'true'),
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
