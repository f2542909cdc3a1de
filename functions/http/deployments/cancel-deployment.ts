import * as z from 'zod/mini';
import { cancelDeployment } from '../../domain/deployments/cancel-deployment.ts';
import { DeploymentId } from '../../domain/deployments/deployment.ts';
import { toDeploymentResource } from '../../domain/deployments/deployment-resource.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';
import { ownedDeployment } from './owned-deployment.ts';

/** POST /v1/infrastructure/deployments/{id}/cancel — stop and roll back a running deployment. */
export const handler = httpHandler(
  {
    scope: 'deploy',
    idempotent,
    params: z.object({ id: DeploymentId }),
    summary: 'Cancel a running deployment and roll it back',
    problems: [404, 409],
  },
  async ({ params, caller }) => {
    const deployment = await cancelDeployment(await ownedDeployment(params.id, caller));
    return { status: 202, body: { data: toDeploymentResource(deployment) } };
  },
);
