import * as z from 'zod/mini';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { deletePolicy } from '../../domain/policies/delete-policy.ts';
import { ownedPolicy } from '../../domain/policies/owned-policy.ts';
import { PolicyId } from '../../domain/policies/policy.ts';
import { requireIfMatch } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';

/** DELETE /v1/infrastructure/policies/{id} — remove a policy (admin scope); honours If-Match. */
export const handler = httpHandler(
  {
    scope: 'admin',
    params: z.object({ id: PolicyId }),
    summary: 'Delete a policy',
    problems: [404, 409, 412],
  },
  async ({ params, caller, headers }) => {
    const policy = await ownedPolicy(params.id, caller.workspaceId);
    const estate = await ownedEstate(policy.estate_id, caller.workspaceId);
    requireIfMatch(headers, policy.version);
    await deletePolicy(estate, policy);
    return { status: 204 };
  },
);
