import { createDeployment } from '../../domain/deployments/create-deployment.ts';
import { CreateDeploymentBody } from '../../domain/deployments/deployment-body.ts';
import { toDeploymentResource } from '../../domain/deployments/deployment-resource.ts';
import { validateDeployment } from '../../domain/policies/validate-changes.ts';
import { ValidateOnlyQuery } from '../../domain/policies/validate-only.ts';
import { isValidateOnly } from '../../platform/dry-run.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/deployments — roll a new image out to a service. */
export const handler = httpHandler(
  {
    scope: 'deploy',
    idempotent,
    body: CreateDeploymentBody,
    query: ValidateOnlyQuery,
    summary: 'Roll a new image out to a service',
    problems: [404, 409, 422],
  },
  async ({ body, query, caller }) => {
    if (isValidateOnly(query)) return validateDeployment(body, caller);
    const deployment = await createDeployment(body, caller);
    return {
      status: 202,
      body: { data: toDeploymentResource(deployment) },
      headers: { location: `/v1/infrastructure/deployments/${deployment.deployment_id}` },
    };
  },
);
