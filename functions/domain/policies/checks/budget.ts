import { microsToAmount } from '../../common.ts';
import type { ParametersOf } from '../kinds.ts';
import type { EstateFacts, PolicySubject } from '../subject.ts';

const DAY_MS = 86_400_000;

/**
 * A linear month-end forecast of month-to-date spend, in micro-dollars. The elapsed
 * time counts as at least one day, so the first hours of a month do not multiply a
 * small spend into a large forecast.
 */
export function forecastMicros(costMtdMicros: number, now: Date): number {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const elapsed = Math.max(DAY_MS, now.getTime() - start);
  return Math.round((costMtdMicros * (end - start)) / elapsed);
}

/** New services and deployments stop once the month's forecast passes the ceiling. */
export function checkBudgetCeiling(
  parameters: ParametersOf<'monthly_budget_ceiling'>,
  subject: PolicySubject,
  estate: EstateFacts,
  now: Date,
): string | null {
  if (subject.action === 'create_environment') return null;
  const forecast = forecastMicros(estate.cost_mtd_micros ?? 0, now);
  const ceiling = Math.round(parameters.amount * 1_000_000);
  if (forecast <= ceiling) return null;
  return `Estate ${estate.id} is forecast to spend ${microsToAmount(forecast).toFixed(2)} USD this month (${microsToAmount(estate.cost_mtd_micros).toFixed(2)} so far), past its ceiling of ${parameters.amount.toFixed(2)} USD.`;
}
