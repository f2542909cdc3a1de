import { createEstate } from '../../domain/estates/create-estate.ts';
import { CreateEstateBody } from '../../domain/estates/estate.ts';
import { toEstateResource } from '../../domain/estates/estate-resource.ts';
import { requireWorkspace } from '../../platform/auth.ts';
import { etagHeader } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';

/** POST /v1/infrastructure/estates — provision a new estate. */
export const handler = httpHandler(
  { scope: 'write', idempotent: true, body: CreateEstateBody },
  async ({ body, caller }) => {
    requireWorkspace(caller, body.workspace_id);
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
