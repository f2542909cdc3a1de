import type { Budget } from '../../domain/budgets/budget.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { getBudget } from '../../store/budgets.ts';

/** A budget of the caller's workspace; another workspace's answers 404. */
export async function ownedBudget(id: string, workspaceId: string): Promise<Budget> {
  const budget = await getBudget(id);
  if (!budget || budget.workspace_id !== workspaceId)
    throw new NotFoundError('budget', id);
  return budget;
}
