import * as z from 'zod/mini';
import { EstateId } from '../../domain/estates/estate.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import type { StoredEstateHealth } from '../../domain/health/evaluate-estate-health.ts';
import { httpHandler } from '../../platform/http.ts';

/**
 * GET /v1/infrastructure/estates/{id}/health — the estate's health score and what it
 * is made of, per component and per environment, as last evaluated.
 */
export const handler = httpHandler(
  {
    scope: 'read',
    summary: 'Explain the health score of an estate',
    problems: [404],
    params: z.object({ id: EstateId }),
  },
  async ({ params, caller }) => {
    const estate = await ownedEstate(params.id, caller.workspaceId);
    const health = Reflect.get(estate, 'health') as StoredEstateHealth | undefined;
    return {
      status: 200,
      body: {
        data: {
          estate_id: estate.id,
          status: estate.status,
          score: health?.score ?? estate.health_score,
          components: health?.components ?? [],
          environments: health?.environments ?? [],
          evaluated_at: health?.evaluated_at ?? null,
        },
      },
    };
  },
);
