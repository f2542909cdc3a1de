import * as z from 'zod/mini';
import { BudgetId, toBudgetResource } from '../../domain/budgets/budget.ts';
import { httpHandler } from '../../platform/http.ts';
import { ownedBudget } from './owned-budget.ts';

/** GET /v1/infrastructure/budgets/{id} — one budget. */
export const handler = httpHandler(
  {
    scope: 'read',
    params: z.object({ id: BudgetId }),
    summary: 'Get a budget',
    problems: [404],
  },
  async ({ params, caller }) => ({
    status: 200,
    body: { data: toBudgetResource(await ownedBudget(params.id, caller.workspaceId)) },
  }),
);
