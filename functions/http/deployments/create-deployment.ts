import { createDeployment } from '../../domain/deployments/create-deployment.ts';
import { CreateDeploymentBody } from '../../domain/deployments/deployment.ts';
import { toDeploymentResource } from '../../domain/deployments/deployment-resource.ts';
import { validateDeployment } from '../../domain/policies/validate-changes.ts';
import { ValidateOnlyQuery } from '../../domain/policies/validate-only.ts';
import { httpHandler } from '../../platform/http.ts';

/** POST /v1/infrastructure/deployments — roll a new image out to a service. */
export const handler = httpHandler(
  {
    scope: 'deploy',
    idempotent: true,
    body: CreateDeploymentBody,
    query: ValidateOnlyQuery,
  },
  async ({ body, query, caller }) => {
    if (query.validate_only) return validateDeployment(body, caller);
    const deployment = await createDeployment(body, caller);
    return {
      status: 202,
      body: { data: toDeploymentResource(deployment) },
      headers: { location: `/v1/infrastructure/deployments/${deployment.deployment_id}` },
    };
  },
);
