import * as z from 'zod/mini';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { deleteService } from '../../domain/services/delete-service.ts';
import { ownedService } from '../../domain/services/owned-service.ts';
import { ServiceId } from '../../domain/services/service.ts';
import { requireIfMatch, staleOr, versionToHold } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getService } from '../../store/services.ts';

/** DELETE /v1/infrastructure/services/{id} — remove a service and its workload; honours If-Match. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: ServiceId }),
    summary: 'Delete a service and its workload',
    problems: [404, 409, 412, 422, 503],
  },
  async ({ params, caller, headers }) => {
    const service = await ownedService(params.id, caller.workspaceId);
    const estate = await ownedEstate(service.estate_id, caller.workspaceId);
    const ifMatch = requireIfMatch(headers, service.version);
    const expectedVersion = versionToHold(ifMatch, service.version);
    try {
      await deleteService(estate, service, { expectedVersion });
      return { status: 204 };
    } catch (error) {
      // With If-Match, a change that lands meanwhile is a stale precondition.
      throw await staleOr(error, {
        checked: expectedVersion !== undefined,
        changedCode: 'service_modified',
        current: () => getService(params.id),
      });
    }
  },
);
