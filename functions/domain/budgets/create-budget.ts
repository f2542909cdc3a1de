import { amountToCents } from '../../platform/money.ts';
import { putBudget } from '../../store/budgets.ts';
import { allocateId } from '../../store/ids.ts';
import { nowIso } from '../common.ts';
import type { Budget, CreateBudgetInput } from './budget.ts';

/** Records a budget of an estate or one of its environments (already checked to be owned). */
export async function createBudget(
  input: CreateBudgetInput,
  owner: { workspace_id: string; estate_id: string },
): Promise<Budget> {
  const now = new Date();
  const budget: Budget = {
    id: await allocateId('BUDGET', now),
    workspace_id: owner.workspace_id,
    estate_id: owner.estate_id,
    environment_id: input.environment_id ?? null,
    amount_cents: amountToCents(input.amount).toString(),
    thresholds: [...input.thresholds].sort((a, b) => a - b),
    created_at: nowIso(now),
  };
  await putBudget(budget);
  return budget;
}
