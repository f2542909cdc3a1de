/** A JSON leaf as it appears in an event: what a leaf matcher is tested against. */
export type Scalar = string | number | boolean | null;

/** One element of a leaf array in a pattern, validated and ready to test. */
export interface LeafMatcher {
  readonly test: (value: Scalar) => boolean;
  /** True only for `{"exists": false}`: it matches where the field has no leaf value. */
  readonly matchesAbsent: boolean;
}

export type FieldNode =
  | { readonly kind: 'leaf'; readonly matchers: readonly LeafMatcher[] }
  | { readonly kind: 'object'; readonly node: ObjectNode };

/** A pattern object: every field must match, and one of the `$or` branches if any. */
export interface ObjectNode {
  readonly fields: ReadonlyMap<string, FieldNode>;
  readonly anyOf: readonly ObjectNode[] | undefined;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Renders a pattern path for error messages. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}
