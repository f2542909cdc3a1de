import * as z from 'zod/mini';
import { deleteEnvironment } from '../../domain/environments/delete-environment.ts';
import { EnvironmentId } from '../../domain/environments/environment.ts';
import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { httpHandler } from '../../platform/http.ts';

/** DELETE /v1/infrastructure/environments/{id} — delete an environment without services. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: EnvironmentId }),
    summary: 'Delete an environment that has no services',
    problems: [404, 409],
  },
  async ({ params, caller }) => {
    const environment = await ownedEnvironment(params.id, caller.workspaceId);
    const estate = await ownedEstate(environment.estate_id, caller.workspaceId);
    await deleteEnvironment(estate, environment);
    return { status: 204 };
  },
);
