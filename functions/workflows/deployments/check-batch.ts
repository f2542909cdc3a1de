import { checkBatch } from '../../domain/deployments/rollout.ts';
import { taskHandler } from '../../platform/task.ts';
import { DeploymentTaskInput } from './input.ts';

/** Task: the health gate after a batch. */
export const handler = taskHandler(
  'check-batch',
  DeploymentTaskInput,
  async ({ deployment_id }) => ({
    deployment_id,
    ...(await checkBatch(deployment_id)),
  }),
);
