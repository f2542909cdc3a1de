import * as z from 'zod/mini';
import { toBudgetResource } from '../../domain/budgets/budget.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { requireOwnedItems } from '../../domain/owned-items.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { httpHandler } from '../../platform/http.ts';
import { listBudgets } from '../../store/budgets.ts';

const Query = z.strictObject({ estate_id: EstateId, ...PageQuery });

/** GET /v1/infrastructure/budgets?estate_id= — the budgets of an estate and its environments. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: 'List the budgets of an estate and its environments',
    problems: [404],
  },
  async ({ query, caller }) => {
    const scope = `budgets|${query.estate_id}`;
    const startKey = query.cursor ? decodeCursor(scope, query.cursor) : undefined;
    const page = await listBudgets(query.estate_id, query.limit, startKey);
    await requireOwnedItems(page.items, caller.workspaceId, () =>
      ownedEstate(query.estate_id, caller.workspaceId),
    );
    return {
      status: 200,
      body: {
        data: page.items.map(toBudgetResource),
        next_cursor: page.nextKey ? encodeCursor(scope, page.nextKey) : null,
      },
    };
  },
);
