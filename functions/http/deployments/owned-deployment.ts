import type { Deployment } from '../../domain/deployments/deployment.ts';
import type { Caller } from '../../platform/auth.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { getDeployment } from '../../store/deployments.ts';

/** Reads a deployment of the caller's workspace, or answers 404. */
export async function ownedDeployment(
  deploymentId: string,
  caller: Caller,
): Promise<Deployment> {
  const deployment = await getDeployment(deploymentId);
  if (!deployment || deployment.workspace_id !== caller.workspaceId) {
    throw new NotFoundError('deployment', deploymentId);
  }
  return deployment;
}
