/** Equality filters on plain attributes; undefined values are left out. */
export type EqualityFilter = Readonly<Record<string, string | undefined>>;

/** Builds a FilterExpression with its names and values, or nothing when no filter is set. */
export function buildEqualityFilter(filter: EqualityFilter) {
  const set = Object.entries(filter).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  if (set.length === 0) return {};
  return {
    FilterExpression: set.map(([name]) => `#f_${name} = :f_${name}`).join(' AND '),
    ExpressionAttributeNames: Object.fromEntries(
      set.map(([name]) => [`#f_${name}`, name]),
    ),
    values: Object.fromEntries(set.map(([name, value]) => [`:f_${name}`, value])),
  };
}

/** Builds a Query of one gsi1 partition in key order, with equality filters. */
export function buildIndexQuery(
  table: string,
  partition: string,
  filter: EqualityFilter,
) {
  const { values, ...expression } = buildEqualityFilter(filter);
  return {
    TableName: table,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': partition, ...values },
    ...expression,
  };
}
