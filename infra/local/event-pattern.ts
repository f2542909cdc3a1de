/**
 * EventBridge event-pattern matching for the local event bus, so each event reaches the
 * same rules it would on AWS. It follows EventBridge's content filtering: a pattern
 * mirrors the event, every field it names must match (AND), any matcher in a leaf array
 * may match (OR), an array in the event matches when any element does, and `$or` at any
 * level offers alternative sub-patterns.
 *
 * Matchers: exact values (string, number, boolean, null), prefix, suffix,
 * equals-ignore-case, wildcard, anything-but, numeric, exists and cidr.
 */
import { compileObject } from './event-pattern/compile.ts';
import { matchObject } from './event-pattern/match.ts';
import type { ObjectNode } from './event-pattern/types.ts';

export { InvalidEventPatternError } from './event-pattern/errors.ts';

// Rules are checked against every event, so each pattern object is validated once;
// patterns are treated as immutable once a rule holds them.
const compiled = new WeakMap<object, ObjectNode>();

function compile(pattern: unknown): ObjectNode {
  const cached =
    typeof pattern === 'object' && pattern ? compiled.get(pattern) : undefined;
  if (cached) return cached;
  const node = compileObject(pattern, '');
  if (typeof pattern === 'object' && pattern) compiled.set(pattern, node);
  return node;
}

/**
 * Throws InvalidEventPatternError when EventBridge would reject the pattern: a leaf
 * that is not an array, an empty object or array, an unknown operator, or an operator
 * with a malformed operand (such as a numeric range that can never match).
 */
export function validatePattern(pattern: unknown): void {
  compile(pattern);
}

/**
 * Whether the event matches the pattern. Throws InvalidEventPatternError for an
 * invalid pattern rather than reporting a mismatch.
 */
export function matchesPattern(pattern: unknown, event: unknown): boolean {
  return matchObject(compile(pattern), event);
}
