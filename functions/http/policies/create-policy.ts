import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { createPolicy } from '../../domain/policies/create-policy.ts';
import { CreatePolicyBody } from '../../domain/policies/policy-body.ts';
import { toPolicyResource } from '../../domain/policies/policy-resource.ts';
import { etagHeader } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/policies — add a policy to an estate (admin scope). */
export const handler = httpHandler(
  {
    scope: 'admin',
    idempotent,
    body: CreatePolicyBody,
    summary: 'Add an infrastructure policy to an estate',
    problems: [404, 409, 422],
  },
  async ({ body, caller }) => {
    const estate = await ownedEstate(body.estate_id, caller.workspaceId);
    const policy = await createPolicy(estate, body);
    return {
      status: 201,
      body: { data: toPolicyResource(policy) },
      headers: {
        location: `/v1/infrastructure/policies/${policy.id}`,
        ...etagHeader(policy),
      },
    };
  },
);
