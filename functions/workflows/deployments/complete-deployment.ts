import { completeDeployment } from '../../domain/deployments/rollout.ts';
import { taskHandler } from '../../platform/task.ts';
import { DeploymentTaskInput } from './input.ts';

/** Task: mark the deployment succeeded; the service now runs the new image. */
export const handler = taskHandler(
  'complete-deployment',
  DeploymentTaskInput,
  async ({ deployment_id }) => ({
    deployment_id,
    ...(await completeDeployment(deployment_id)),
  }),
);
