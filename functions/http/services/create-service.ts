import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { validateService } from '../../domain/policies/validate-changes.ts';
import { ValidateOnlyQuery } from '../../domain/policies/validate-only.ts';
import { createService } from '../../domain/services/create-service.ts';
import { CreateServiceBody } from '../../domain/services/service-body.ts';
import { toServiceResource } from '../../domain/services/service-resource.ts';
import { isValidateOnly } from '../../platform/dry-run.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/services — add a service to an environment; its workload is created next. */
export const handler = httpHandler(
  {
    scope: 'write',
    body: CreateServiceBody,
    idempotent,
    query: ValidateOnlyQuery,
    summary: 'Create a service in an environment',
    problems: [404, 409],
  },
  async ({ body, query, caller }) => {
    const environment = await ownedEnvironment(body.environment_id, caller.workspaceId);
    const estate = await ownedEstate(environment.estate_id, caller.workspaceId);
    if (isValidateOnly(query)) return validateService(estate, environment, body);
    const service = await createService(estate, environment, body);
    return {
      status: 202,
      body: { data: toServiceResource(service) },
      headers: { location: `/v1/infrastructure/services/${service.id}` },
    };
  },
);
