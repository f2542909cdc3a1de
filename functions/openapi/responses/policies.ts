import * as z from 'zod/mini';
import { PolicyResource } from '../../domain/policies/policy-schema.ts';
import { dataOf } from '../envelopes.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The estate's existing services a policy would not allow today. */
const Compliance = z.object({
  checked_at: z.string(),
  non_compliant: z.array(
    z.object({ service_id: z.string(), environment_id: z.string(), reason: z.string() }),
  ),
  truncated: z.boolean(),
});

/** The success responses of the policy routes (functions/http/policies/). */
export const POLICY_RESPONSES: ResponsesByRoute = {
  ListPolicies: {
    200: z.object({
      data: z.array(PolicyResource),
      next_cursor: z.nullable(z.string()),
    }),
  },
  CreatePolicy: { 201: { body: dataOf(PolicyResource), headers: ['etag'] } },
  GetPolicy: {
    200: {
      body: dataOf(z.extend(PolicyResource, { compliance: Compliance })),
      headers: ['etag'],
    },
  },
  UpdatePolicy: { 200: { body: dataOf(PolicyResource), headers: ['etag'] } },
  DeletePolicy: { 204: {} },
};
