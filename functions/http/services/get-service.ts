import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { ownedService } from '../../domain/services/owned-service.ts';
import { ServiceId } from '../../domain/services/service.ts';
import { toServiceResource } from '../../domain/services/service-resource.ts';
import { etagHeader } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';

/** GET /v1/infrastructure/services/{id} — one service of the caller's workspace. */
export const handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: ServiceId }),
    summary: 'Get a service',
    problems: [404],
  },
  async ({ params, caller }) => {
    const service = await ownedService(params.id, caller.workspaceId);
    return {
      status: 200,
      body: { data: withCost(toServiceResource(service), costFieldsOf(service)) },
      headers: etagHeader(service),
    };
  },
);
