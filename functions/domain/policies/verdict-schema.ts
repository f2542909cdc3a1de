import * as z from 'zod/mini';

// Documentation only: the OpenAPI document reads this schema; no function loads it,
// so none ships it.

const ViolationSchema = z.object({
  policy_id: z.string(),
  name: z.string(),
  kind: z.string(),
  enforcement: z.enum(['enforce', 'warn']),
  reason: z.string(),
});

/** The documented shape of a validate_only answer; verdictResult in validate-only.ts builds it. */
export const VerdictResource = z
  .object({
    valid: z.boolean(),
    violations: z.array(ViolationSchema),
    warnings: z.array(ViolationSchema),
    overridden: z.array(ViolationSchema),
    cost_impact: z.record(z.string(), z.unknown()),
  })
  .check(z.meta({ id: 'PolicyVerdict' }));
