import type { PricedUsage } from '../domain/costs/usage.ts';
import { asBigInt, batchGet } from './cost-client.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** Whose month cost an item holds: an estate, environment or service. */
export interface CostSubject {
  readonly kind: 'estate' | 'environment' | 'service';
  readonly id: string;
}

const PREFIX = 'cost_femtos_';

/**
 * The attribute of an estate's, environment's or service's own item that holds its
 * cost in one UTC month (YYYY-MM), in femto-dollars. The month is in the name, so a
 * month starts at zero with nothing reset, and late usage lands in its own month.
 */
export function monthCostAttribute(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
  return `${PREFIX}${month}`;
}

/** A subject's cost in a month, read from its item; absent is zero. */
export function monthCostOf(item: object, month: string): bigint {
  return asBigInt((item as Record<string, unknown>)[monthCostAttribute(month)]);
}

/** The item a subject's month costs live on: the estate, environment or service itself. */
export function subjectKey(subject: CostSubject): { pk: string; sk: string } {
  if (subject.kind === 'estate') return keys.estate(subject.id);
  if (subject.kind === 'environment') return keys.environment(subject.id);
  return keys.service(subject.id);
}

/** One subject's share of a batch: what each month it was used in adds. */
export interface SubjectCosts {
  readonly subject: CostSubject;
  readonly months: ReadonlyMap<string, bigint>;
}

/** The subjects a record's cost adds to: its estate, environment and service. */
export const costSubjectsOf = (record: PricedUsage): CostSubject[] => [
  { kind: 'estate', id: record.estate_id },
  { kind: 'environment', id: record.environment_id },
  { kind: 'service', id: record.service_id },
];

/** A subject as one string, to tell subjects apart. */
export const subjectId = (subject: CostSubject) => `${subject.kind}#${subject.id}`;

/**
 * Adds the records' costs up per subject and month, so a transaction updates each
 * subject's item once, however many records and months the batch holds.
 */
export function aggregateSubjectCosts(records: readonly PricedUsage[]): SubjectCosts[] {
  const bySubject = new Map<
    string,
    { subject: CostSubject; months: Map<string, bigint> }
  >();
  for (const record of records)
    for (const subject of costSubjectsOf(record)) {
      const id = subjectId(subject);
      const entry = bySubject.get(id) ?? { subject, months: new Map<string, bigint>() };
      entry.months.set(
        record.month,
        (entry.months.get(record.month) ?? 0n) + record.cost_femtos,
      );
      bySubject.set(id, entry);
    }
  return [...bySubject.values()];
}

/**
 * Builds the ADD of a batch's share to a subject's month attributes. It fails when
 * the subject's item is gone (a service deleted while its usage was on the way), so
 * it never brings back a bare item holding only a cost. Nothing else on the item
 * changes: not `version` (cost is derived, so the ETag stays), not `updated_at`.
 */
export function buildAddSubjectCosts(costs: SubjectCosts) {
  const names: Record<string, string> = {};
  const values: Record<string, bigint> = {};
  const adds = [...costs.months].map(([month, femtos], index) => {
    names[`#m${index}`] = monthCostAttribute(month);
    values[`:m${index}`] = femtos;
    return `#m${index} :m${index}`;
  });
  return {
    TableName: tableName(),
    Key: subjectKey(costs.subject),
    UpdateExpression: `ADD ${adds.join(', ')}`,
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * Reads the items of estates, environments or services with their month costs: one
 * BatchGetItem per 100, by subjectId, keys stripped. A subject that is gone is
 * missing from the map.
 */
export async function readSubjectItems(
  subjects: readonly CostSubject[],
): Promise<Map<string, Record<string, unknown>>> {
  const wanted = new Map(subjects.map((subject) => [subjectId(subject), subject]));
  const items = await batchGet(
    [...wanted.values()].map((subject) => subjectKey(subject)),
  );
  return new Map(
    items.map((item) => {
      const kind = String(item.entity) as CostSubject['kind'];
      return [subjectId({ kind, id: String(item.id) }), stripKeys(item)] as const;
    }),
  );
}
