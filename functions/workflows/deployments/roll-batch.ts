import { rollNextBatch } from '../../domain/deployments/rollout.ts';
import { taskHandler } from '../../platform/task.ts';
import { DeploymentTaskInput } from './input.ts';

/** Task: roll the next batch to the new image. */
export const handler = taskHandler(
  'roll-batch',
  DeploymentTaskInput,
  async ({ deployment_id }) => ({
    deployment_id,
    ...(await rollNextBatch(deployment_id)),
  }),
);
