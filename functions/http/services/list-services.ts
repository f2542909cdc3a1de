import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { EnvironmentId } from '../../domain/environments/environment.ts';
import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { requireOwnedItems } from '../../domain/owned-items.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { SERVICE_STATUSES } from '../../domain/services/service.ts';
import { toServiceResource } from '../../domain/services/service-resource.ts';
import { WORKLOAD_TYPES } from '../../drivers/driver.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { httpHandler } from '../../platform/http.ts';
import { listServices } from '../../store/services.ts';

const Query = z.strictObject({
  environment_id: EnvironmentId,
  type: z.optional(z.enum(WORKLOAD_TYPES)),
  status: z.optional(z.enum(SERVICE_STATUSES)),
  ...PageQuery,
});

/** GET /v1/infrastructure/services — an environment's services, filtered and paged. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: 'List services of an environment',
    problems: [404],
  },
  async ({ query, caller }) => {
    const filter = { type: query.type, status: query.status };
    const scope = `services|${query.environment_id}|${filter.type ?? ''}|${filter.status ?? ''}`;
    const startKey = query.cursor ? decodeCursor(scope, query.cursor) : undefined;
    const page = await listServices(query.environment_id, filter, query.limit, startKey);
    await requireOwnedItems(page.items, caller.workspaceId, () =>
      ownedEnvironment(query.environment_id, caller.workspaceId),
    );
    // One clock for the whole page, so every item shows the same month.
    const now = new Date();
    return {
      status: 200,
      body: {
        data: page.items.map((service) =>
          withCost(toServiceResource(service), costFieldsOf(service, { now })),
        ),
        next_cursor: page.nextKey ? encodeCursor(scope, page.nextKey) : null,
      },
    };
  },
);
