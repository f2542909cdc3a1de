import * as z from 'zod';
import { centsToAmount } from '../../platform/money.ts';
import { platformId } from '../common.ts';
import { EnvironmentId } from '../environments/environment.ts';
import { EstateId } from '../estates/estate.ts';
import { CURRENCY } from '../estates/estate-resource.ts';

export const BudgetId = platformId('BUDGET');

/** The body of POST /v1/infrastructure/budgets: a monthly amount and alert thresholds. */
export const CreateBudgetBody = z
  .strictObject({
    estate_id: EstateId.optional(),
    environment_id: EnvironmentId.optional(),
    amount: z
      .number()
      .positive('amount is above 0.')
      .max(1_000_000_000, 'amount is at most 1000000000.')
      .refine((n) => Math.round(n * 100) / 100 === n, 'amount has at most two decimals.'),
    thresholds: z
      .array(z.number().int().min(1).max(1000))
      .min(1)
      .max(10)
      .refine((t) => new Set(t).size === t.length, 'Thresholds must be unique.')
      .default([50, 80, 100]),
  })
  .refine(
    (body) => (body.estate_id === undefined) !== (body.environment_id === undefined),
    { path: ['estate_id'], message: 'Name exactly one of estate_id and environment_id.' },
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

export const BudgetResource = z.object({
  id: z.string(),
  estate_id: z.string(),
  environment_id: z.string().nullable(),
  amount: z.number(),
  currency: z.literal(CURRENCY),
  period: z.literal('monthly'),
  thresholds: z.array(z.number()),
  created_at: z.string(),
});
