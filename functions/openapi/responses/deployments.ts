import { DeploymentResource } from '../../domain/deployments/deployment-schema.ts';
import { VerdictResource } from '../../domain/policies/verdict-schema.ts';
import { dataOf, pageOf } from '../envelopes.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The success responses of the deployment routes (functions/http/deployments/). */
export const DEPLOYMENT_RESPONSES: ResponsesByRoute = {
  ListDeployments: { 200: pageOf(DeploymentResource) },
  CreateDeployment: {
    200: dataOf(VerdictResource),
    202: { body: dataOf(DeploymentResource), headers: ['location'] },
  },
  GetDeployment: { 200: dataOf(DeploymentResource) },
  CancelDeployment: { 202: dataOf(DeploymentResource) },
};
