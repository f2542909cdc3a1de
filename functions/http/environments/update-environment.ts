import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { EnvironmentId } from '../../domain/environments/environment.ts';
import { UpdateEnvironmentBody } from '../../domain/environments/environment-body.ts';
import { toEnvironmentResource } from '../../domain/environments/environment-resource.ts';
import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { updateEnvironment } from '../../domain/environments/update-environment.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { etagHeader, requireIfMatch, staleOr } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';
import { getEnvironment } from '../../store/environments.ts';

/** PATCH /v1/infrastructure/environments/{id} — rename an environment or replace its config. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: EnvironmentId }),
    body: UpdateEnvironmentBody,
    summary: 'Rename an environment or replace its config',
    problems: [404, 409, 412],
  },
  async ({ params, body, caller, headers }) => {
    const environment = await ownedEnvironment(params.id, caller.workspaceId);
    const estate = await ownedEstate(environment.estate_id, caller.workspaceId);
    const ifMatch = requireIfMatch(headers, environment.version);
    try {
      const updated = await updateEnvironment(estate, environment, body);
      return {
        status: 200,
        body: {
          data: withCost(
            toEnvironmentResource(updated),
            costFieldsOf(updated, { forecast: true }),
          ),
        },
        headers: etagHeader(updated),
      };
    } catch (error) {
      // With If-Match, a change that lands meanwhile is a stale precondition.
      throw await staleOr(error, {
        checked: ifMatch !== undefined,
        changedCode: 'environment_modified',
        current: () => getEnvironment(params.id),
      });
    }
  },
);
