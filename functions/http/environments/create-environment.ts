import { createEnvironment } from '../../domain/environments/create-environment.ts';
import { CreateEnvironmentBody } from '../../domain/environments/environment-body.ts';
import { toEnvironmentResource } from '../../domain/environments/environment-resource.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { validateEnvironment } from '../../domain/policies/validate-changes.ts';
import { ValidateOnlyQuery } from '../../domain/policies/validate-only.ts';
import { isValidateOnly } from '../../platform/dry-run.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/environments — add an environment to an estate. */
export const handler = httpHandler(
  {
    scope: 'write',
    body: CreateEnvironmentBody,
    idempotent,
    query: ValidateOnlyQuery,
    summary: 'Create an environment in an estate',
    problems: [404, 409],
  },
  async ({ body, query, caller }) => {
    const estate = await ownedEstate(body.estate_id, caller.workspaceId);
    if (isValidateOnly(query)) return validateEnvironment(estate, body);
    const environment = await createEnvironment(estate, body);
    return {
      status: 201,
      body: { data: toEnvironmentResource(environment) },
      headers: { location: `/v1/infrastructure/environments/${environment.id}` },
    };
  },
);
