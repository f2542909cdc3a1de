import { rollBackBatch } from '../../domain/deployments/rollout.ts';
import { taskHandler } from '../../platform/task.ts';
import { DeploymentTaskInput, failureReason } from './input.ts';

/** Task: roll the latest finished batch back to the previous image. */
export const handler = taskHandler(
  'roll-back-batch',
  DeploymentTaskInput,
  async ({ deployment_id, error }) => ({
    deployment_id,
    ...(await rollBackBatch(deployment_id, failureReason(error))),
  }),
);
