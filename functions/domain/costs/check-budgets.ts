import { centsToAmount, femtosToAmount } from '../../platform/money.ts';
import { buildPutBudgetAlert, listEstateBudgets } from '../../store/budgets.ts';
import type { EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import type { CostSubject } from '../../store/month-costs.ts';
import { monthCostOf, readSubjectItems, subjectId } from '../../store/month-costs.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import type { Budget } from '../budgets/budget.ts';
import { type Crossing, crossings } from '../budgets/thresholds.ts';
import { newEvent } from '../events.ts';
import { monthOf } from './dates.ts';
import { forecastFemtos, monthBounds } from './month-to-date.ts';

const DAY_MS = 86_400_000;

/**
 * Checks the budgets of estates whose totals changed and announces each threshold
 * crossed, on actual or forecast spend, once per month: the announcement's event
 * and a marker item are written together, and the marker's condition makes a
 * second announcement fail quietly. Costs one Query for an estate without budgets;
 * with budgets, one BatchGetItem more reads the spend from the estate's and the
 * environments' own items.
 */
export async function checkBudgets(
  estateIds: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  for (const estateId of estateIds) await checkEstate(estateId, now);
}

async function checkEstate(estateId: string, now: Date): Promise<void> {
  const budgets = await listEstateBudgets(estateId);
  if (budgets.length === 0) return;
  const month = monthOf(now);
  const estateSubject: CostSubject = { kind: 'estate', id: estateId };
  const subjectOf = (budget: Budget): CostSubject =>
    budget.environment_id
      ? { kind: 'environment', id: budget.environment_id }
      : estateSubject;
  const items = await readSubjectItems([estateSubject, ...budgets.map(subjectOf)]);
  const spent = (subject: CostSubject) => {
    const item = items.get(subjectId(subject));
    return item ? monthCostOf(item, month) : 0n;
  };
  const forecastable = now.getTime() - monthBounds(now)[0] >= DAY_MS;
  const reached = budgets.flatMap((budget) => {
    const actual = spent(subjectOf(budget));
    return crossings(
      budget,
      actual,
      forecastable ? forecastFemtos(actual, now) : undefined,
    );
  });
  const estate = items.get(subjectId(estateSubject)) as EstateItem | undefined;
  if (reached.length === 0 || !estate) return;
  for (const crossing of reached) await announce(estate, crossing, month, now);
}

async function announce(
  estate: EstateItem,
  crossing: Crossing,
  month: string,
  now: Date,
) {
  const { budget } = crossing;
  const event = newEvent(
    {
      type: 'infrastructure.cost.threshold_exceeded',
      workspace_id: estate.workspace_id,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      subject_id: budget.id,
      data: {
        budget_id: budget.id,
        environment_id: budget.environment_id,
        month,
        basis: crossing.basis,
        threshold_percent: crossing.percent,
        budget_amount: centsToAmount(BigInt(budget.amount_cents)),
        spend: femtosToAmount(crossing.spend_femtos),
        currency: 'USD',
      },
    },
    now.toISOString(),
  );
  try {
    await transact([
      { Put: buildPutBudgetAlert(budget.id, month, crossing.basis, crossing.percent) },
      { Put: buildPutEvent(event) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
}
