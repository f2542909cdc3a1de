import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { ownedService } from '../../domain/services/owned-service.ts';
import { ServiceId } from '../../domain/services/service.ts';
import { UpdateServiceBody } from '../../domain/services/service-body.ts';
import { toServiceResource } from '../../domain/services/service-resource.ts';
import { updateService } from '../../domain/services/update-service.ts';
import { etagHeader, requireIfMatch, staleOr } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getService } from '../../store/services.ts';

/** PATCH /v1/infrastructure/services/{id} — change a service's config. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: ServiceId }),
    body: UpdateServiceBody,
    summary: "Change a service's config",
    problems: [404, 409, 412, 422, 503],
  },
  async ({ params, body, caller, headers }) => {
    const service = await ownedService(params.id, caller.workspaceId);
    const estate = await ownedEstate(service.estate_id, caller.workspaceId);
    const ifMatch = requireIfMatch(headers, service.version);
    try {
      const updated = await updateService(estate, service, body);
      return {
        status: 200,
        body: { data: withCost(toServiceResource(updated), costFieldsOf(updated)) },
        headers: etagHeader(updated),
      };
    } catch (error) {
      // With If-Match, a change that lands meanwhile is a stale precondition.
      throw await staleOr(error, {
        checked: ifMatch !== undefined,
        changedCode: 'service_modified',
        current: () => getService(params.id),
      });
    }
  },
);
