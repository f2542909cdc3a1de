import { FEMTOS_PER_CENT } from '../../platform/money.ts';
import type { Budget } from './budget.ts';

/** What spend a threshold is measured against. */
export type Basis = 'actual' | 'forecast';

export interface Crossing {
  readonly budget: Budget;
  readonly basis: Basis;
  readonly percent: number;
  readonly spend_femtos: bigint;
}

/**
 * The thresholds a budget's spend has reached: spend ≥ amount × percent / 100, in
 * exact integers. Forecast crossings count only once a day of the month has gone,
 * when a linear forecast has something to go on.
 */
export function crossings(
  budget: Budget,
  actual: bigint,
  forecast: bigint | undefined,
): Crossing[] {
  const amount = BigInt(budget.amount_cents) * FEMTOS_PER_CENT;
  const reached = (spend: bigint, basis: Basis) =>
    budget.thresholds
      .filter((percent) => spend * 100n >= amount * BigInt(percent))
      .map((percent) => ({ budget, basis, percent, spend_femtos: spend }));
  return [
    ...reached(actual, 'actual'),
    ...(forecast === undefined ? [] : reached(forecast, 'forecast')),
  ];
}
