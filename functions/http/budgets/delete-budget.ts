import * as z from 'zod';
import { BudgetId } from '../../domain/budgets/budget.ts';
import { httpHandler } from '../../platform/http.ts';
import { deleteBudget } from '../../store/budgets.ts';
import { ownedBudget } from './owned-budget.ts';

/** DELETE /v1/infrastructure/budgets/{id} — stop watching a budget. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: BudgetId }),
    summary: 'Delete a budget',
    problems: [404, 409, 412],
    responses: { 204: {} },
  },
  async ({ params, caller }) => {
    await ownedBudget(params.id, caller.workspaceId);
    await deleteBudget(params.id);
    return { status: 204 };
  },
);
