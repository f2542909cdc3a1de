import * as z from 'zod/mini';
import { platformId } from '../../domain/common.ts';
import { DEPLOYMENT_STATUSES } from '../../domain/deployments/deployment.ts';
import { toDeploymentResource } from '../../domain/deployments/deployment-resource.ts';
import { requireOwnedItems } from '../../domain/owned-items.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { httpHandler } from '../../platform/http.ts';
import { getRolloutService, listDeployments } from '../../store/deployments.ts';
import { getEnvironmentEstate } from '../../store/environments.ts';
import { getEstate } from '../../store/estates.ts';

const Query = z.strictObject({
  service_id: z.optional(platformId('INFSVC')),
  environment_id: z.optional(platformId('INFENV')),
  status: z.optional(z.enum(DEPLOYMENT_STATUSES)),
  ...PageQuery,
});

const exactlyOne = () =>
  new ValidationError([
    {
      field: 'query.service_id',
      message: 'Give exactly one of service_id or environment_id.',
      code: 'invalid_filter',
    },
  ]);

/** GET /v1/infrastructure/deployments — a service's or an environment's deployments, newest first. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: "List a service's or an environment's deployments",
    problems: [404],
  },
  async ({ query, caller }) => {
    if (Boolean(query.service_id) === Boolean(query.environment_id)) throw exactlyOne();
    const scope = query.service_id
      ? { service_id: query.service_id }
      : { environment_id: query.environment_id ?? '' };
    const cursorScope = `deployments|${JSON.stringify(scope)}|${query.status ?? ''}`;
    const startKey = query.cursor ? decodeCursor(cursorScope, query.cursor) : undefined;
    const page = await listDeployments(scope, query.status, query.limit, startKey);
    await requireOwnedItems(page.items, caller.workspaceId, () =>
      requireOwned(scope, caller.workspaceId),
    );
    return {
      status: 200,
      body: {
        data: page.items.map(toDeploymentResource),
        next_cursor: page.nextKey ? encodeCursor(cursorScope, page.nextKey) : null,
      },
    };
  },
);

/** Answers 404 unless the service or environment belongs to the caller's workspace. */
async function requireOwned(
  scope: { service_id: string } | { environment_id: string },
  workspaceId: string,
) {
  const estateId = await estateOf(scope);
  const estate = estateId ? await getEstate(estateId) : undefined;
  if (!estate || estate.workspace_id !== workspaceId) {
    const [kind, id] =
      'service_id' in scope
        ? ['service', scope.service_id]
        : ['environment', scope.environment_id];
    throw new NotFoundError(kind, id);
  }
}

async function estateOf(
  scope: { service_id: string } | { environment_id: string },
): Promise<string | undefined> {
  if ('service_id' in scope)
    return (await getRolloutService(scope.service_id))?.estate_id;
  return (await getEnvironmentEstate(scope.environment_id)) ?? undefined;
}
