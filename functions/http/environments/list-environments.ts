import * as z from 'zod/mini';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { ENVIRONMENT_STATUSES } from '../../domain/environments/environment.ts';
import { toEnvironmentResource } from '../../domain/environments/environment-resource.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { requireOwnedItems } from '../../domain/owned-items.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { ENVIRONMENT_TYPES } from '../../drivers/driver.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { httpHandler } from '../../platform/http.ts';
import { listEnvironments } from '../../store/environments.ts';

const Query = z.strictObject({
  estate_id: EstateId,
  type: z.optional(z.enum(ENVIRONMENT_TYPES)),
  status: z.optional(z.enum(ENVIRONMENT_STATUSES)),
  ...PageQuery,
});

/** GET /v1/infrastructure/environments — an estate's environments, filtered and paged. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: 'List environments of an estate',
    problems: [404],
  },
  async ({ query, caller }) => {
    const filter = { type: query.type, status: query.status };
    const scope = `environments|${query.estate_id}|${filter.type ?? ''}|${filter.status ?? ''}`;
    const startKey = query.cursor ? decodeCursor(scope, query.cursor) : undefined;
    const page = await listEnvironments(query.estate_id, filter, query.limit, startKey);
    await requireOwnedItems(page.items, caller.workspaceId, () =>
      ownedEstate(query.estate_id, caller.workspaceId),
    );
    // One clock for the whole page: every item shows the same month and forecast.
    const now = new Date();
    return {
      status: 200,
      body: {
        data: page.items.map((environment) =>
          withCost(
            toEnvironmentResource(environment),
            costFieldsOf(environment, { forecast: true, now }),
          ),
        ),
        next_cursor: page.nextKey ? encodeCursor(scope, page.nextKey) : null,
      },
    };
  },
);
