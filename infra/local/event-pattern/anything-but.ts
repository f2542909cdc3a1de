import { InvalidEventPatternError } from './errors.ts';
import { affix, equalsIgnoreCase, type StringTest, wildcard } from './strings.ts';
import { isRecord, type Scalar } from './types.ts';

/**
 * Compiles `{"anything-but": ...}`: a string or number, a list of only strings or only
 * numbers, or `{prefix | suffix | wildcard | equals-ignore-case: ...}`. The result is
 * the negation of that test over a present leaf value, so it never matches a missing
 * field, but does match `null` and values of another type.
 */
export function anythingBut(path: string, operand: unknown): (value: Scalar) => boolean {
  if (isRecord(operand)) {
    const excluded = stringForm(path, operand);
    return (value) => typeof value !== 'string' || !excluded(value);
  }
  const values = Array.isArray(operand) ? operand : [operand];
  const allStrings = values.every((value) => typeof value === 'string');
  const allNumbers = values.every((value) => typeof value === 'number');
  if (values.length === 0 || !(allStrings || allNumbers))
    throw new InvalidEventPatternError(
      path,
      '"anything-but" takes a string, a number, or a non-empty list of only one of them',
    );
  const excluded = new Set<unknown>(values);
  return (value) => !excluded.has(value);
}

function stringForm(
  path: string,
  operand: Readonly<Record<string, unknown>>,
): StringTest {
  const entries = Object.entries(operand);
  const [operator, inner] = entries[0] ?? [];
  if (entries.length === 1) {
    if (operator === 'prefix' || operator === 'suffix') {
      if (typeof inner !== 'string')
        throw new InvalidEventPatternError(
          path,
          `"anything-but" ${operator} takes a string`,
        );
      return affix(path, inner, operator);
    }
    if (operator === 'wildcard') return anyOf(path, inner, wildcard);
    if (operator === 'equals-ignore-case') return anyOf(path, inner, equalsIgnoreCase);
  }
  throw new InvalidEventPatternError(
    path,
    '"anything-but" object takes one of prefix, suffix, wildcard, equals-ignore-case',
  );
}

/** wildcard and equals-ignore-case also accept a non-empty list of strings. */
function anyOf(
  path: string,
  operand: unknown,
  compile: (path: string, operand: unknown) => StringTest,
): StringTest {
  if (!Array.isArray(operand)) return compile(path, operand);
  if (operand.length === 0)
    throw new InvalidEventPatternError(path, '"anything-but" list is empty');
  const tests = operand.map((item: unknown) => compile(path, item));
  return (value) => tests.some((test) => test(value));
}
