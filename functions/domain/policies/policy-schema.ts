import * as z from 'zod/mini';

// Documentation only: the OpenAPI document reads this schema; no function loads it,
// so none ships it.

/** The policy as the API shows it; toPolicyResource in policy-resource.ts builds it. */
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
