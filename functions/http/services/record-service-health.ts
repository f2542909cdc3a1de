import * as z from 'zod/mini';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { HealthSignalBody } from '../../domain/health/health-signal.ts';
import { recordHealthSignal } from '../../domain/health/record-health-signal.ts';
import { ownedService } from '../../domain/services/owned-service.ts';
import { ServiceId } from '../../domain/services/service.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/**
 * POST /v1/infrastructure/services/{id}/health — one health observation of a service
 * from a monitoring source. The service's health, its incidents and its estate's
 * score follow at once.
 */
export const handler = httpHandler(
  {
    scope: 'write',
    idempotent,
    summary: 'Record a health signal for a service',
    problems: [404, 409, 422],
    params: z.object({ id: ServiceId }),
    body: HealthSignalBody,
  },
  async ({ params, body, caller }) => {
    const service = await ownedService(params.id, caller.workspaceId);
    const estate = await ownedEstate(service.estate_id, caller.workspaceId);
    const recorded = await recordHealthSignal(estate, service, body);
    return {
      status: 200,
      body: {
        data: {
          service_id: service.id,
          applied: recorded.applied,
          health: recorded.health,
        },
      },
    };
  },
);
