import * as z from 'zod/mini';
import { WorkspaceId } from '../../domain/common.ts';
import { costFieldsOf, withCost } from '../../domain/costs/month-to-date.ts';
import { ESTATE_STATUSES } from '../../domain/estates/estate.ts';
import { toEstateResource } from '../../domain/estates/estate-resource.ts';
import { PROVIDERS } from '../../domain/estates/regions.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { requireWorkspace } from '../../platform/auth.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { httpHandler } from '../../platform/http.ts';
import { listEstates } from '../../store/estates.ts';

const Query = z.strictObject({
  workspace_id: z.optional(WorkspaceId),
  status: z.optional(z.enum(ESTATE_STATUSES)),
  provider: z.optional(z.enum(PROVIDERS)),
  ...PageQuery,
});

/** GET /v1/infrastructure/estates — the caller's estates, filtered and paged. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: 'List estates of a workspace',
  },
  async ({ query, caller }) => {
    const workspaceId = query.workspace_id ?? caller.workspaceId;
    requireWorkspace(caller, workspaceId);
    const filter = { status: query.status, provider: query.provider };
    const scope = `estates|${workspaceId}|${filter.status ?? ''}|${filter.provider ?? ''}`;
    const startKey = query.cursor ? decodeCursor(scope, query.cursor) : undefined;
    const page = await listEstates(workspaceId, filter, query.limit, startKey);
    // One clock for the whole page: every item shows the same month and forecast.
    const now = new Date();
    return {
      status: 200,
      body: {
        data: page.items.map((estate) =>
          withCost(
            toEstateResource(estate),
            costFieldsOf(estate, { forecast: true, now }),
          ),
        ),
        next_cursor: page.nextKey ? encodeCursor(scope, page.nextKey) : null,
      },
    };
  },
);
