import * as z from 'zod/mini';
import { CURRENCY } from '../common.ts';

// Documentation only: the OpenAPI document reads this schema; no function loads it,
// so none ships it.

/** The budget as the API shows it; toBudgetResource in budget.ts builds it. */
export const BudgetResource = z.object({
  id: z.string(),
  estate_id: z.string(),
  environment_id: z.nullable(z.string()),
  amount: z.number(),
  currency: z.literal(CURRENCY),
  period: z.literal('monthly'),
  thresholds: z.array(z.number()),
  created_at: z.string(),
});
