/**
 * Checks the budgets of estates whose totals changed and announces every threshold
 * crossed for the first time this month.
 */
export async function checkBudgets(
  _estateIds: readonly string[],
  _now: Date = new Date(),
): Promise<void> {}
