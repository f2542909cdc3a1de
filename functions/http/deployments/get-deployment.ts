import * as z from 'zod/mini';
import { DeploymentId } from '../../domain/deployments/deployment.ts';
import { toDeploymentResource } from '../../domain/deployments/deployment-resource.ts';
import { httpHandler } from '../../platform/http.ts';
import { ownedDeployment } from './owned-deployment.ts';

/** GET /v1/infrastructure/deployments/{id} — a deployment and its progress. */
export const handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: DeploymentId }),
    summary: 'Get a deployment and its progress',
    problems: [404],
  },
  async ({ params, caller }) => ({
    status: 200,
    body: { data: toDeploymentResource(await ownedDeployment(params.id, caller)) },
  }),
);
