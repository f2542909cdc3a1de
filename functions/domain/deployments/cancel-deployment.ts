import { ConflictError } from '../../platform/errors.ts';
import { buildUpdateDeployment } from '../../store/deployments.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Deployment } from './deployment.ts';

/**
 * Asks a running deployment to stop. The workflow sees the request before its next
 * batch, rolls the finished batches back and ends `cancelled`. Asking twice is fine.
 */
export async function cancelDeployment(deployment: Deployment): Promise<Deployment> {
  if (deployment.cancel_requested && deployment.status === 'in_progress')
    return deployment;
  const now = nowIso();
  try {
    await transact([
      {
        Update: buildUpdateDeployment(deployment.deployment_id, ['in_progress'], {
          cancel_requested: true,
          updated_at: now,
        }),
      },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    throw new ConflictError(
      'deployment_not_cancellable',
      `Deployment ${deployment.deployment_id} is ${deployment.status} and can no longer be cancelled.`,
    );
  }
  return { ...deployment, cancel_requested: true, updated_at: now };
}
