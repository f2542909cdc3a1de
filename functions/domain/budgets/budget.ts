import * as z from 'zod/mini';
import { centsToAmount } from '../../platform/money.ts';
import { CURRENCY, platformId } from '../common.ts';
import { EnvironmentId } from '../environments/environment.ts';
import { EstateId } from '../estates/estate.ts';

export const BudgetId = platformId('BUDGET');

/** The body of POST /v1/infrastructure/budgets: a monthly amount and alert thresholds. */
export const CreateBudgetBody = z
  .strictObject({
    estate_id: z.optional(EstateId),
    environment_id: z.optional(EnvironmentId),
    amount: z.number().check(
      z.positive('amount is above 0.'),
      z.lte(1_000_000_000, 'amount is at most 1000000000.'),
      z.refine(
        (n) => Math.round(n * 100) / 100 === n,
        'amount has at most two decimals.',
      ),
    ),
    thresholds: z._default(
      z.array(z.number().check(z.int(), z.gte(1), z.lte(1000))).check(
        z.minLength(1),
        z.maxLength(10),
        z.refine((t) => new Set(t).size === t.length, 'Thresholds must be unique.'),
      ),
      [50, 80, 100],
    ),
  })
  .check(
    z.refine(
      (body) => (body.estate_id === undefined) !== (body.environment_id === undefined),
      {
        path: ['estate_id'],
        message: 'Name exactly one of estate_id and environment_id.',
        params: { code: 'invalid_filter' },
      },
    ),
  );
export type CreateBudgetInput = z.output<typeof CreateBudgetBody>;

/** A monthly budget of an estate, or of one of its environments. */
export interface Budget {
  readonly id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly environment_id: string | null;
  /** The monthly amount in cents, as a decimal string. */
  readonly amount_cents: string;
  /** Alert thresholds in percent of the amount, ascending. */
  readonly thresholds: readonly number[];
  readonly created_at: string;
}

/** The budget as the API shows it. */
export const toBudgetResource = (budget: Budget) => ({
  id: budget.id,
  estate_id: budget.estate_id,
  environment_id: budget.environment_id,
  amount: centsToAmount(BigInt(budget.amount_cents)),
  currency: CURRENCY,
  period: 'monthly' as const,
  thresholds: budget.thresholds,
  created_at: budget.created_at,
});
