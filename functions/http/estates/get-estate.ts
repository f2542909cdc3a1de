import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { toEstateResource } from '../../domain/estates/estate-resource.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { etagHeader } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getEstate } from '../../store/estates.ts';

/** GET /v1/infrastructure/estates/{id} — one estate of the caller's workspace. */
export const handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: EstateId }),
    summary: 'Get an estate',
    problems: [404],
  },
  async ({ params, caller }) => {
    const estate = await getEstate(params.id);
    if (!estate || estate.workspace_id !== caller.workspaceId)
      throw new NotFoundError('estate', params.id);
    return {
      status: 200,
      body: {
        data: withCost(
          toEstateResource(estate),
          costFieldsOf(estate, { forecast: true }),
        ),
      },
      headers: etagHeader(estate),
    };
  },
);
