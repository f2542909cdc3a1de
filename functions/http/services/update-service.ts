import * as z from 'zod';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { ownedService } from '../../domain/services/owned-service.ts';
import { ServiceId, UpdateServiceBody } from '../../domain/services/service.ts';
import {
  ServiceResource,
  toServiceResource,
} from '../../domain/services/service-resource.ts';
import { updateService } from '../../domain/services/update-service.ts';
import { dataOf } from '../../platform/envelopes.ts';
import { httpHandler } from '../../platform/http.ts';

/** PATCH /v1/infrastructure/services/{id} — change a service's config. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: ServiceId }),
    body: UpdateServiceBody,
    summary: "Change a service's config",
    responses: { 200: dataOf(ServiceResource) },
    problems: [404, 409, 422, 503],
  },
  async ({ params, body, caller }) => {
    const service = await ownedService(params.id, caller.workspaceId);
    const estate = await ownedEstate(service.estate_id, caller.workspaceId);
    const updated = await updateService(estate, service, body);
    return { status: 200, body: { data: toServiceResource(updated) } };
  },
);
