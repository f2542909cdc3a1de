import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { countServicesInEstate } from '../../domain/environments/count-services.ts';
import { deleteEstate } from '../../domain/estates/delete-estate.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { toEstateResource } from '../../domain/estates/estate-resource.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { requireIfMatch, staleOr, versionToHold } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getEstate } from '../../store/estates.ts';

const Query = z.strictObject({
  cascade: z._default(z.enum(['true', 'false'], 'cascade is true or false.'), 'false'),
});

/** DELETE /v1/infrastructure/estates/{id} — deprovision an estate; honours If-Match. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: EstateId }),
    query: Query,
    summary: 'Deprovision an estate',
    problems: [404, 409, 412],
  },
  async ({ params, query, caller, headers }) => {
    const estate = await getEstate(params.id);
    if (!estate || estate.workspace_id !== caller.workspaceId)
      throw new NotFoundError('estate', params.id);
    const ifMatch = requireIfMatch(headers, estate.version);
    const expectedVersion = versionToHold(ifMatch, estate.version);
    try {
      const result = await deleteEstate(estate, {
        cascade: query.cascade === 'true',
        countServices: countServicesInEstate,
        expectedVersion,
      });
      // The month's cost is on the item as read; the teardown does not change it.
      const cost = costFieldsOf(estate, { forecast: true });
      return { status: 202, body: { data: withCost(toEstateResource(result), cost) } };
    } catch (error) {
      // With If-Match, a change that lands meanwhile is a stale precondition.
      throw await staleOr(error, {
        checked: expectedVersion !== undefined,
        changedCode: 'estate_changed',
        current: () => getEstate(params.id),
      });
    }
  },
);
