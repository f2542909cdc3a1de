import * as z from 'zod/mini';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { deleteService } from '../../domain/services/delete-service.ts';
import { ownedService } from '../../domain/services/owned-service.ts';
import { ServiceId } from '../../domain/services/service.ts';
import { httpHandler } from '../../platform/http.ts';

/** DELETE /v1/infrastructure/services/{id} — remove a service and its workload. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: ServiceId }),
    summary: 'Delete a service and its workload',
    problems: [404, 409, 422, 503],
  },
  async ({ params, caller }) => {
    const service = await ownedService(params.id, caller.workspaceId);
    const estate = await ownedEstate(service.estate_id, caller.workspaceId);
    await deleteService(estate, service);
    return { status: 204 };
  },
);
