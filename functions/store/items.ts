/** Attributes the store adds to every item; never shown to clients. */
export const STORE_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'entity',
  'expires_at',
] as const;

/** Removes the store's own attributes from an item. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of STORE_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

/** The key attributes of an item on an index, for a pagination cursor. */
export function cursorKey(item: Record<string, unknown>, indexKeys: readonly string[]) {
  const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
  for (const attribute of indexKeys) key[attribute] = item[attribute];
  return key;
}
