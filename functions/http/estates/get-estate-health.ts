import * as z from 'zod/mini';
import { EstateId } from '../../domain/estates/estate.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { storedHealthOf } from '../../domain/health/evaluate-estate-health.ts';
import { httpHandler } from '../../platform/http.ts';

/**
 * GET /v1/infrastructure/estates/{id}/health — the estate's health score and what it
 * is made of, per component and per environment, as last evaluated. The score is the
 * estate's own health_score; the breakdown shows only when it was stored with that
 * very score (they are written in one update), so the two never disagree.
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
    const stored = storedHealthOf(estate);
    const health =
      stored !== undefined && stored.score === estate.health_score ? stored : undefined;
    return {
      status: 200,
      body: {
        data: {
          estate_id: estate.id,
          status: estate.status,
          score: estate.health_score,
          components: health?.components ?? [],
          environments: health?.environments ?? [],
          evaluated_at: health?.evaluated_at ?? null,
        },
      },
    };
  },
);
