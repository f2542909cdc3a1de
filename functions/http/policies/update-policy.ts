import * as z from 'zod/mini';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { ownedPolicy } from '../../domain/policies/owned-policy.ts';
import { PolicyId } from '../../domain/policies/policy.ts';
import { UpdatePolicyBody } from '../../domain/policies/policy-body.ts';
import { toPolicyResource } from '../../domain/policies/policy-resource.ts';
import { updatePolicy } from '../../domain/policies/update-policy.ts';
import { etagHeader, requireIfMatch, staleOr } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getPolicy } from '../../store/policies.ts';

/** PATCH /v1/infrastructure/policies/{id} — change a policy (admin scope); honours If-Match. */
export const handler = httpHandler(
  {
    scope: 'admin',
    params: z.object({ id: PolicyId }),
    body: UpdatePolicyBody,
    summary: 'Change a policy’s name, parameters, enforcement or status',
    problems: [404, 409, 412, 422],
  },
  async ({ params, body, caller, headers }) => {
    const policy = await ownedPolicy(params.id, caller.workspaceId);
    const estate = await ownedEstate(policy.estate_id, caller.workspaceId);
    const ifMatch = requireIfMatch(headers, policy.version);
    try {
      const updated = await updatePolicy(estate, policy, body);
      return {
        status: 200,
        body: { data: toPolicyResource(updated) },
        headers: etagHeader(updated),
      };
    } catch (error) {
      // With If-Match, a change that lands meanwhile is a stale precondition.
      throw await staleOr(error, {
        checked: ifMatch !== undefined,
        changedCode: 'policy_changed',
        current: () => getPolicy(params.id),
      });
    }
  },
);
