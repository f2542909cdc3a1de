import * as z from 'zod/mini';
import type { Policy } from './policy.ts';

/** The policy as the API shows it. */
export function toPolicyResource(policy: Policy) {
  return {
    id: policy.id,
    estate_id: policy.estate_id,
    name: policy.name,
    kind: policy.kind,
    parameters: policy.parameters,
    enforcement: policy.enforcement,
    status: policy.status,
    version: policy.version,
    created_at: policy.created_at,
    updated_at: policy.updated_at,
  };
}

const Violation = z.object({
  policy_id: z.string(),
  name: z.string(),
  kind: z.string(),
  enforcement: z.enum(['enforce', 'warn']),
  reason: z.string(),
});

/** The policy resource's schema, for the API reference. */
export const PolicyResource = z.object({
  id: z.string(),
  estate_id: z.string(),
  name: z.string(),
  kind: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  enforcement: z.enum(['enforce', 'warn']),
  status: z.enum(['active', 'disabled']),
  version: z.number().check(z.int()),
  created_at: z.string(),
  updated_at: z.string(),
});

/** What every validate_only POST answers, for the API reference. */
export const VerdictResource = z.object({
  data: z.object({
    valid: z.boolean(),
    violations: z.array(Violation),
    warnings: z.array(Violation),
    overridden: z.array(Violation),
    cost_impact: z.record(z.string(), z.unknown()),
  }),
});
