import * as z from 'zod/mini';
import { deleteEnvironment } from '../../domain/environments/delete-environment.ts';
import { EnvironmentId } from '../../domain/environments/environment.ts';
import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { requireIfMatch, staleOr, versionToHold } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getEnvironment } from '../../store/environments.ts';

/** DELETE /v1/infrastructure/environments/{id} — delete an environment without services; honours If-Match. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: EnvironmentId }),
    summary: 'Delete an environment that has no services',
    problems: [404, 409, 412],
  },
  async ({ params, caller, headers }) => {
    const environment = await ownedEnvironment(params.id, caller.workspaceId);
    const estate = await ownedEstate(environment.estate_id, caller.workspaceId);
    const ifMatch = requireIfMatch(headers, environment.version);
    const expectedVersion = versionToHold(ifMatch, environment.version);
    try {
      await deleteEnvironment(estate, environment, { expectedVersion });
      return { status: 204 };
    } catch (error) {
      // With If-Match, a change that lands meanwhile is a stale precondition.
      throw await staleOr(error, {
        checked: expectedVersion !== undefined,
        changedCode: 'environment_modified',
        current: () => getEnvironment(params.id),
      });
    }
  },
);
