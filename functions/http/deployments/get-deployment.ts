import * as z from 'zod/mini';
import { DeploymentId } from '../../domain/deployments/deployment.ts';
import {
  DeploymentResource,
  toDeploymentResource,
} from '../../domain/deployments/deployment-resource.ts';
import { dataOf } from '../../platform/envelopes.ts';
import { httpHandler } from '../../platform/http.ts';
import { ownedDeployment } from './owned-deployment.ts';

/** GET /v1/infrastructure/deployments/{id} — a deployment and its progress. */
export const handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: DeploymentId }),
    summary: 'Get a deployment and its progress',
    responses: { 200: dataOf(DeploymentResource) },
    problems: [404],
  },
  async ({ params, caller }) => ({
    status: 200,
    body: { data: toDeploymentResource(await ownedDeployment(params.id, caller)) },
  }),
);
