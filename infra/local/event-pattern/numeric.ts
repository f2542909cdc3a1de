import { InvalidEventPatternError } from './errors.ts';

/** A test on a numeric event value; strings that look like numbers never satisfy it. */
export type NumberTest = (value: number) => boolean;

interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

const LOWER = new Set(['>', '>=']);
const UPPER = new Set(['<', '<=']);
const USAGE = 'expects ["=", n] or a lower (">", ">=") and/or upper ("<", "<=") bound';

/** Compiles `{"numeric": [...]}`: `["=", 3]`, `[">", 0]` or `[">", 0, "<=", 5]`. */
export function numeric(path: string, operand: unknown): NumberTest {
  if (!Array.isArray(operand) || operand.length === 0 || operand.length % 2 !== 0)
    throw new InvalidEventPatternError(path, `"numeric" ${USAGE}`);
  let lower: Bound | undefined;
  let upper: Bound | undefined;
  let equals: number | undefined;
  for (let index = 0; index < operand.length; index += 2) {
    const operator: unknown = operand[index];
    const value: unknown = operand[index + 1];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new InvalidEventPatternError(
        path,
        `"numeric" ${JSON.stringify(operator)} needs a number`,
      );
    if (operator === '=' && operand.length === 2) equals = value;
    else if (typeof operator === 'string' && LOWER.has(operator) && !lower)
      lower = { value, inclusive: operator === '>=' };
    else if (typeof operator === 'string' && UPPER.has(operator) && !upper)
      upper = { value, inclusive: operator === '<=' };
    else throw new InvalidEventPatternError(path, `"numeric" ${USAGE}`);
  }
  if (equals !== undefined) {
    const expected = equals;
    return (value) => value === expected;
  }
  if (lower && upper && isEmptyRange(lower, upper))
    throw new InvalidEventPatternError(path, '"numeric" range can never match');
  return (value) => above(value, lower) && below(value, upper);
}

function isEmptyRange(lower: Bound, upper: Bound): boolean {
  if (lower.value !== upper.value) return lower.value > upper.value;
  return !(lower.inclusive && upper.inclusive);
}

function above(value: number, bound: Bound | undefined): boolean {
  if (!bound) return true;
  return bound.inclusive ? value >= bound.value : value > bound.value;
}

function below(value: number, bound: Bound | undefined): boolean {
  if (!bound) return true;
  return bound.inclusive ? value <= bound.value : value < bound.value;
}
