import * as z from 'zod/mini';
import { countServicesInEstate } from '../../domain/environments/count-services.ts';
import { deleteEstate } from '../../domain/estates/delete-estate.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { toEstateResource } from '../../domain/estates/estate-resource.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { httpHandler } from '../../platform/http.ts';
import { getEstate } from '../../store/estates.ts';

const Query = z.strictObject({
  cascade: z._default(z.enum(['true', 'false'], 'cascade is true or false.'), 'false'),
});

/** DELETE /v1/infrastructure/estates/{id} — deprovision an estate. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: EstateId }),
    query: Query,
    summary: 'Deprovision an estate',
    problems: [404, 409],
  },
  async ({ params, query, caller }) => {
    const estate = await getEstate(params.id);
    if (!estate || estate.workspace_id !== caller.workspaceId)
      throw new NotFoundError('estate', params.id);
    const result = await deleteEstate(estate, {
      cascade: query.cascade === 'true',
      countServices: countServicesInEstate,
    });
    return { status: 202, body: { data: toEstateResource(result) } };
  },
);
