import { finishRollback } from '../../domain/deployments/rollout.ts';
import { taskHandler } from '../../platform/task.ts';
import { DeploymentTaskInput, failureReason } from './input.ts';

/** Task: end a rolled-back deployment (rolled_back, cancelled or failed) and free the service. */
export const handler = taskHandler(
  'finish-rollback',
  DeploymentTaskInput,
  async ({ deployment_id, error }) => {
    await finishRollback(deployment_id, failureReason(error));
    return { deployment_id };
  },
);
