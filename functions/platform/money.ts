/**
 * Money as integers, never floats. Prices are nano-dollars (1e-9 USD) per unit;
 * quantities are micro-units (1e-6 of a unit, the most precision a usage record
 * carries). Their product is exact in femto-dollars (1e-15 USD), the unit every
 * stored cost is kept in. Amounts leave as cents, rounded half up, only for display.
 */

export const NANOS_PER_USD = 1_000_000_000n;
export const MICROS_PER_UNIT = 1_000_000n;
export const FEMTOS_PER_NANO = 1_000_000n;
export const FEMTOS_PER_CENT = 10_000_000_000_000n;
export const FEMTOS_PER_USD = FEMTOS_PER_CENT * 100n;

/**
 * The most a single usage record may carry: a quantity of a billion units. Its
 * micro-units stay below 2^53, so the JSON number converts to an integer exactly.
 */
export const MAX_QUANTITY = 1_000_000_000;

/** Whether a number has at most six decimals (as a double can say it). */
export function hasAtMostSixDecimals(quantity: number): boolean {
  return Number.isFinite(quantity) && Math.round(quantity * 1e6) / 1e6 === quantity;
}

/** A quantity in micro-units. @throws RangeError past six decimals or the ceiling. */
export function toMicros(quantity: number): bigint {
  if (!hasAtMostSixDecimals(quantity) || quantity < 0 || quantity > MAX_QUANTITY)
    throw new RangeError(`${quantity} is not a quantity of at most six decimals`);
  return BigInt(Math.round(quantity * 1e6));
}

/** The exact cost of `micros` micro-units at `nanosPerUnit`, in femto-dollars. */
export const costFemtos = (micros: bigint, nanosPerUnit: bigint): bigint =>
  micros * nanosPerUnit;

/** Divides non-negative integers, rounding half up. */
export const divideHalfUp = (value: bigint, divisor: bigint): bigint =>
  (value * 2n + divisor) / (divisor * 2n);

/** Femto-dollars as whole cents, rounded half up. */
export const femtosToCents = (femtos: bigint): bigint =>
  divideHalfUp(femtos, FEMTOS_PER_CENT);

/** Femto-dollars as whole nano-dollars, rounded half up. */
export const femtosToNanos = (femtos: bigint): bigint =>
  divideHalfUp(femtos, FEMTOS_PER_NANO);

/** Cents as the API shows money: a number with at most two decimals. */
export const centsToAmount = (cents: bigint): number => Number(cents) / 100;

/** Femto-dollars as the API shows money, rounded half up to the cent. */
export const femtosToAmount = (femtos: bigint): number =>
  centsToAmount(femtosToCents(femtos));

/** An amount with at most two decimals (as the API takes money) in cents. */
export function amountToCents(amount: number): bigint {
  const cents = Math.round(amount * 100);
  if (!Number.isSafeInteger(cents) || cents / 100 !== amount || cents < 0)
    throw new RangeError(`${amount} is not an amount with at most two decimals`);
  return BigInt(cents);
}

/**
 * Shares `total` whole units out in proportion to `weights` by the largest remainder
 * method: every share is its exact share rounded down, and the units left over go
 * one each to the largest remainders (ties to the larger weight, then the earlier
 * one). The shares always add up to `total`; all weights zero gives all zeros.
 */
export function apportion(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const shares = weights.map((weight) => (total * weight) / sum);
  const remainders = weights.map((weight, index) => ({
    index,
    weight,
    remainder: (total * weight) % sum,
  }));
  remainders.sort(
    (a, b) =>
      compare(b.remainder, a.remainder) ||
      compare(b.weight, a.weight) ||
      a.index - b.index,
  );
  let left = total - shares.reduce((acc, share) => acc + share, 0n);
  for (const { index } of remainders) {
    if (left <= 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares;
}

const compare = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/** Percents with one decimal that add up to exactly 100.0; all zero when nothing was spent. */
export const percents = (weights: readonly bigint[]): number[] =>
  apportion(1000n, weights).map((tenths) => Number(tenths) / 10);

/** Cents of each part, adding up exactly to the total rounded half up to the cent. */
export function breakdownCents(parts: readonly bigint[]): {
  total: bigint;
  shares: bigint[];
} {
  const total = femtosToCents(parts.reduce((acc, part) => acc + part, 0n));
  return { total, shares: apportion(total, parts) };
}
