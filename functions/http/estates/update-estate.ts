import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { toEstateResource } from '../../domain/estates/estate-resource.ts';
import { UpdateEstateBody, updateEstate } from '../../domain/estates/update-estate.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { etagHeader, requireIfMatch, staleOr } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getEstate } from '../../store/estates.ts';

/** PATCH /v1/infrastructure/estates/{id} — rename or re-tag an estate; honours If-Match. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: EstateId }),
    body: UpdateEstateBody,
    summary: 'Rename or re-tag an estate',
    problems: [404, 409, 412],
  },
  async ({ params, body, caller, headers }) => {
    const estate = await getEstate(params.id);
    if (!estate || estate.workspace_id !== caller.workspaceId)
      throw new NotFoundError('estate', params.id);
    const ifMatch = requireIfMatch(headers, estate.version);
    try {
      const updated = await updateEstate(estate, body);
      return {
        status: 200,
        body: {
          data: withCost(
            toEstateResource(updated),
            costFieldsOf(updated, { forecast: true }),
          ),
        },
        headers: etagHeader(updated),
      };
    } catch (error) {
      // With If-Match, a change that lands meanwhile is a stale precondition.
      throw await staleOr(error, {
        checked: ifMatch !== undefined,
        changedCode: 'estate_changed',
        current: () => getEstate(params.id),
      });
    }
  },
);
