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

const ViolationSchema = z.object({
  policy_id: z.string(),
  name: z.string(),
  kind: z.string(),
  enforcement: z.enum(['enforce', 'warn']),
  reason: z.string(),
});

/** The documented shape of a validate_only answer. */
export const VerdictResource = z
  .object({
    valid: z.boolean(),
    violations: z.array(ViolationSchema),
    warnings: z.array(ViolationSchema),
    overridden: z.array(ViolationSchema),
    cost_impact: z.record(z.string(), z.unknown()),
  })
  .check(z.meta({ id: 'PolicyVerdict' }));

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
