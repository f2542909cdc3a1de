import * as z from 'zod/mini';
import { toBudgetResource } from '../../domain/budgets/budget.ts';
import { EstateId } from '../../domain/estates/estate.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { requireOwnedItems } from '../../domain/owned-items.ts';
import { httpHandler } from '../../platform/http.ts';
import { listEstateBudgets } from '../../store/budgets.ts';

/** GET /v1/infrastructure/budgets?estate_id= — the budgets of an estate and its environments. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: z.strictObject({ estate_id: EstateId }),
    summary: 'List the budgets of an estate and its environments',
    problems: [404],
  },
  async ({ query, caller }) => {
    const budgets = await listEstateBudgets(query.estate_id);
    await requireOwnedItems(budgets, caller.workspaceId, () =>
      ownedEstate(query.estate_id, caller.workspaceId),
    );
    return { status: 200, body: { data: budgets.map(toBudgetResource) } };
  },
);
