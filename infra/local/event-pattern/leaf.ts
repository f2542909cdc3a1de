import { anythingBut } from './anything-but.ts';
import { cidr } from './cidr.ts';
import { InvalidEventPatternError } from './errors.ts';
import { numeric } from './numeric.ts';
import { affix, equalsIgnoreCase, type StringTest, wildcard } from './strings.ts';
import { isRecord, isScalar, type LeafMatcher, type Scalar } from './types.ts';

type Compile = (path: string, operand: unknown) => LeafMatcher;

const present = (test: (value: Scalar) => boolean): LeafMatcher => ({
  test,
  matchesAbsent: false,
});

const onStrings = (test: StringTest): LeafMatcher =>
  present((value) => typeof value === 'string' && test(value));

const OPERATORS: Readonly<Record<string, Compile>> = {
  prefix: (path, operand) => onStrings(affix(path, operand, 'prefix')),
  suffix: (path, operand) => onStrings(affix(path, operand, 'suffix')),
  'equals-ignore-case': (path, operand) => onStrings(equalsIgnoreCase(path, operand)),
  wildcard: (path, operand) => onStrings(wildcard(path, operand)),
  cidr: (path, operand) => onStrings(cidr(path, operand)),
  'anything-but': (path, operand) => present(anythingBut(path, operand)),
  numeric: (path, operand) => {
    const test = numeric(path, operand);
    return present((value) => typeof value === 'number' && test(value));
  },
  exists: (path, operand) => {
    if (typeof operand !== 'boolean')
      throw new InvalidEventPatternError(path, '"exists" takes true or false');
    return { test: () => operand, matchesAbsent: !operand };
  },
};

/** Compiles one element of a leaf array: an exact value or a one-key operator object. */
export function compileLeafMatcher(path: string, element: unknown): LeafMatcher {
  if (isScalar(element)) return present((value) => value === element);
  if (!isRecord(element))
    throw new InvalidEventPatternError(path, 'expected a value or an operator object');
  const entries = Object.entries(element);
  const [operator, operand] = entries[0] ?? [];
  if (entries.length !== 1 || operator === undefined)
    throw new InvalidEventPatternError(path, 'an operator object has exactly one key');
  const compile = Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator] : undefined;
  if (!compile)
    throw new InvalidEventPatternError(path, `unknown operator "${operator}"`);
  return compile(path, operand);
}
