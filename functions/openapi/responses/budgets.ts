import { BudgetResource } from '../../domain/budgets/budget-schema.ts';
import { dataOf, pageOf } from '../envelopes.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The success responses of the budget routes (functions/http/budgets/). */
export const BUDGET_RESPONSES: ResponsesByRoute = {
  CreateBudget: { 201: dataOf(BudgetResource) },
  ListBudgets: { 200: pageOf(BudgetResource) },
  GetBudget: { 200: dataOf(BudgetResource) },
  DeleteBudget: { 204: {} },
};
