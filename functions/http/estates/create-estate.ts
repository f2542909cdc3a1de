import { createEstate } from '../../domain/estates/create-estate.ts';
import { CreateEstateBody } from '../../domain/estates/estate-body.ts';
import { toEstateResource } from '../../domain/estates/estate-resource.ts';
import { validateEstate } from '../../domain/policies/validate-changes.ts';
import { ValidateOnlyQuery } from '../../domain/policies/validate-only.ts';
import { requireWorkspace } from '../../platform/auth.ts';
import { isValidateOnly } from '../../platform/dry-run.ts';
import { etagHeader } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/estates — provision a new estate. */
export const handler = httpHandler(
  {
    scope: 'write',
    idempotent,
    query: ValidateOnlyQuery,
    body: CreateEstateBody,
    summary: 'Provision a new estate',
  },
  async ({ body, query, caller }) => {
    requireWorkspace(caller, body.workspace_id);
    if (isValidateOnly(query)) return validateEstate(body);
    const estate = await createEstate(body);
    return {
      status: 202,
      body: { data: toEstateResource(estate) },
      headers: {
        location: `/v1/infrastructure/estates/${estate.id}`,
        ...etagHeader(estate),
      },
    };
  },
);
