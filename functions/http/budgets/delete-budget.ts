import * as z from 'zod/mini';
import { BudgetId } from '../../domain/budgets/budget.ts';
import { BadRequestError } from '../../platform/errors.ts';
import { httpHandler } from '../../platform/http.ts';
import { deleteBudget } from '../../store/budgets.ts';
import { ownedBudget } from './owned-budget.ts';

/** DELETE /v1/infrastructure/budgets/{id} — stop watching a budget. */
export const handler = httpHandler(
  {
    scope: 'write',
    params: z.object({ id: BudgetId }),
    summary: 'Delete a budget',
    problems: [404, 409],
  },
  async ({ params, caller, headers }) => {
    // Budgets carry no ETag; a conditional delete cannot be honoured, so it is refused
    // rather than silently treated as unconditional.
    if (headers['if-match'] !== undefined) {
      throw new BadRequestError(
        'if_match_unsupported',
        'Budgets carry no ETag; send the DELETE without If-Match.',
        [
          {
            field: 'header.if-match',
            message: 'Budgets carry no ETag.',
            code: 'if_match_unsupported',
          },
        ],
      );
    }
    await ownedBudget(params.id, caller.workspaceId);
    await deleteBudget(params.id);
    return { status: 204 };
  },
);
