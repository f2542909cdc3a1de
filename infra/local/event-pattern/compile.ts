import { InvalidEventPatternError } from './errors.ts';
import { compileLeafMatcher } from './leaf.ts';
import { childPath, type FieldNode, isRecord, type ObjectNode } from './types.ts';

const OR = '$or';

/**
 * Validates a pattern object and turns it into a tree of tests. Throws
 * InvalidEventPatternError naming the first problem found and where it is.
 */
export function compileObject(pattern: unknown, path: string): ObjectNode {
  const where = path === '' ? '(root)' : path;
  if (!isRecord(pattern)) throw new InvalidEventPatternError(where, 'expected an object');
  const entries = Object.entries(pattern);
  if (entries.length === 0) throw new InvalidEventPatternError(where, 'object is empty');
  const fields = new Map<string, FieldNode>();
  let anyOf: ObjectNode[] | undefined;
  for (const [key, value] of entries) {
    const at = childPath(path, key);
    if (key === OR) anyOf = compileOr(value, at);
    else fields.set(key, compileField(value, at));
  }
  return { fields, anyOf };
}

function compileField(value: unknown, path: string): FieldNode {
  if (isRecord(value)) return { kind: 'object', node: compileObject(value, path) };
  if (!Array.isArray(value))
    throw new InvalidEventPatternError(path, 'a leaf must be an array of matchers');
  if (value.length === 0) throw new InvalidEventPatternError(path, 'array is empty');
  const matchers = value.map((element: unknown, index) =>
    compileLeafMatcher(childPath(path, index), element),
  );
  return { kind: 'leaf', matchers };
}

function compileOr(value: unknown, path: string): ObjectNode[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new InvalidEventPatternError(path, '"$or" takes a non-empty array of patterns');
  return value.map((branch: unknown, index) =>
    compileObject(branch, childPath(path, index)),
  );
}
