import {
  type FieldNode,
  isRecord,
  isScalar,
  type ObjectNode,
  type Scalar,
} from './types.ts';

/** Tests an event value against a compiled pattern object. */
export function matchObject(node: ObjectNode, value: unknown): boolean {
  for (const [key, field] of node.fields) {
    const child = isRecord(value) ? value[key] : undefined;
    if (!matchField(field, child)) return false;
  }
  return (
    node.anyOf === undefined || node.anyOf.some((branch) => matchObject(branch, value))
  );
}

function matchField(field: FieldNode, value: unknown): boolean {
  if (field.kind === 'object') return matchNested(field.node, value);
  const values = leafValues(value);
  if (values.length === 0) return field.matchers.some((matcher) => matcher.matchesAbsent);
  return field.matchers.some((matcher) => values.some((leaf) => matcher.test(leaf)));
}

/**
 * A nested pattern over an array of objects matches when one element matches it as a
 * whole, so fields named together are satisfied by the same element.
 */
function matchNested(node: ObjectNode, value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return matchObject(node, value);
  return value.some((element: unknown) => matchNested(node, element));
}

/**
 * The leaf values at a field: none when it is missing or holds an object (patterns
 * only test leaves), the scalars of an array, flattened, or the scalar itself.
 */
function leafValues(value: unknown): Scalar[] {
  if (Array.isArray(value))
    return value.flatMap((element: unknown) => leafValues(element));
  return isScalar(value) ? [value] : [];
}
