import * as z from 'zod/mini';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { checkCompliance } from '../../domain/policies/check-compliance.ts';
import { ownedPolicy } from '../../domain/policies/owned-policy.ts';
import { PolicyId } from '../../domain/policies/policy.ts';
import { toPolicyResource } from '../../domain/policies/policy-resource.ts';
import { etagHeader } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';

/**
 * GET /v1/infrastructure/policies/{id} — one policy, with the estate's existing
 * services it would not allow today.
 */
export const handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: PolicyId }),
    summary: 'Get a policy and the existing services out of compliance with it',
    problems: [404],
  },
  async ({ params, caller }) => {
    const policy = await ownedPolicy(params.id, caller.workspaceId);
    const estate = await ownedEstate(policy.estate_id, caller.workspaceId);
    const compliance = await checkCompliance(policy, estate);
    return {
      status: 200,
      body: { data: { ...toPolicyResource(policy), compliance } },
      headers: etagHeader(policy),
    };
  },
);
