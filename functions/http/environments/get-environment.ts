import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { EnvironmentId } from '../../domain/environments/environment.ts';
import { toEnvironmentResource } from '../../domain/environments/environment-resource.ts';
import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { etagHeader } from '../../platform/etag.ts';
import { httpHandler } from '../../platform/http.ts';

/** GET /v1/infrastructure/environments/{id} — one environment of the caller's workspace. */
export const handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: EnvironmentId }),
    summary: 'Get an environment',
    problems: [404],
  },
  async ({ params, caller }) => {
    const environment = await ownedEnvironment(params.id, caller.workspaceId);
    return {
      status: 200,
      body: {
        data: withCost(
          toEnvironmentResource(environment),
          costFieldsOf(environment, { forecast: true }),
        ),
      },
      headers: etagHeader(environment),
    };
  },
);
