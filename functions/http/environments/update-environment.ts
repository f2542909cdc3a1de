import * as z from 'zod';
import {
  EnvironmentId,
  UpdateEnvironmentBody,
} from '../../domain/environments/environment.ts';
import {
  EnvironmentResource,
  toEnvironmentResource,
} from '../../domain/environments/environment-resource.ts';
import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { updateEnvironment } from '../../domain/environments/update-environment.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { dataOf } from '../../platform/envelopes.ts';
import { httpHandler } from '../../platform/http.ts';

/** PATCH /v1/infrastructure/environments/{id} — rename an environment or replace its config. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: EnvironmentId }),
    body: UpdateEnvironmentBody,
    summary: 'Rename an environment or replace its config',
    responses: { 200: dataOf(EnvironmentResource) },
    problems: [404, 409],
  },
  async ({ params, body, caller }) => {
    const environment = await ownedEnvironment(params.id, caller.workspaceId);
    const estate = await ownedEstate(environment.estate_id, caller.workspaceId);
    const updated = await updateEnvironment(estate, environment, body);
    return { status: 200, body: { data: toEnvironmentResource(updated) } };
  },
);
