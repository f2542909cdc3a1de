import { InvalidEventPatternError } from './errors.ts';
import { isRecord } from './types.ts';

/** A test on a string event value; other value types never satisfy it. */
export type StringTest = (value: string) => boolean;

export function requireString(path: string, operand: unknown, operator: string): string {
  if (typeof operand !== 'string')
    throw new InvalidEventPatternError(path, `"${operator}" takes a string`);
  return operand;
}

const lower = (text: string) => text.toLowerCase();

export function equalsIgnoreCase(path: string, operand: unknown): StringTest {
  const expected = lower(requireString(path, operand, 'equals-ignore-case'));
  return (value) => lower(value) === expected;
}

/**
 * `prefix` and `suffix` take a string, or `{"equals-ignore-case": string}` to compare
 * without regard to case.
 */
export function affix(
  path: string,
  operand: unknown,
  side: 'prefix' | 'suffix',
): StringTest {
  const ignoreCase = isRecord(operand);
  const text = ignoreCase ? caseInsensitiveOperand(path, operand, side) : operand;
  const expected = requireString(path, text, side);
  const fold = ignoreCase ? lower : (value: string) => value;
  const wanted = fold(expected);
  return side === 'prefix'
    ? (value) => fold(value).startsWith(wanted)
    : (value) => fold(value).endsWith(wanted);
}

function caseInsensitiveOperand(
  path: string,
  operand: Readonly<Record<string, unknown>>,
  side: string,
): unknown {
  const keys = Object.keys(operand);
  if (keys.length !== 1 || keys[0] !== 'equals-ignore-case')
    throw new InvalidEventPatternError(
      path,
      `"${side}" takes a string or {"equals-ignore-case": string}`,
    );
  return operand['equals-ignore-case'];
}

/**
 * `*` stands for any run of characters (including none); `\*` is a literal star and
 * `\\` a literal backslash. Two stars in a row are rejected, as EventBridge does.
 */
export function wildcard(path: string, operand: unknown): StringTest {
  const text = requireString(path, operand, 'wildcard');
  let source = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '\\') {
      const next = text.charAt(index + 1);
      if (next !== '*' && next !== '\\')
        throw new InvalidEventPatternError(path, `"wildcard" has a stray backslash`);
      source += escapeRegExp(next);
      index += 1;
    } else if (char === '*') {
      if (text.charAt(index + 1) === '*')
        throw new InvalidEventPatternError(path, `"wildcard" has consecutive "*"`);
      source += '.*';
    } else {
      source += escapeRegExp(char);
    }
  }
  const regex = new RegExp(`^${source}$`, 'su');
  return (value) => regex.test(value);
}

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}
