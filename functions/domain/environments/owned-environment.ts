import { NotFoundError } from '../../platform/errors.ts';
import { getEnvironment } from '../../store/environments.ts';
import type { Environment } from './environment.ts';

/** The environment, if it exists in the caller's workspace; another workspace's is a 404. */
export async function ownedEnvironment(
  environmentId: string,
  workspaceId: string,
): Promise<Environment> {
  const environment = await getEnvironment(environmentId);
  if (!environment || environment.workspace_id !== workspaceId)
    throw new NotFoundError('environment', environmentId);
  return environment;
}
