import type { PricedUsage } from '../domain/costs/usage.ts';
import * as keys from './keys.ts';
import { costSubjectsOf, subjectKey } from './month-costs.ts';
import { tableName } from './table.ts';

/** How long a usage record is kept to recognise it when re-sent: 400 days after its time. */
export const USAGE_RECORD_TTL_SECONDS = 400 * 24 * 60 * 60;

/** Builds the Put of a usage record; it fails if the record ID was seen before. */
export function buildPutUsageRecord(record: PricedUsage) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.usageRecord(record.workspace_id, record.record_id),
      entity: 'usage_record',
      ...record,
      expires_at: Math.floor(Date.parse(record.time) / 1000) + USAGE_RECORD_TTL_SECONDS,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** A rollup item a batch adds to, with what it adds. */
export interface RollupDelta {
  readonly key: { pk: string; sk: string };
  readonly attributes: Readonly<Record<string, string>>;
  cost_femtos: bigint;
  quantity_micros: bigint;
  records: number;
}

/**
 * The rollup item one record adds to: its day rollup. It carries all a cost report
 * needs besides the sums: the workspace (to check ownership), the environment's and
 * service's names as of this record (to label groups), and its environment's gsi1
 * entry (to report one environment).
 */
export function rollupsOf(record: PricedUsage): Omit<RollupDelta, 'records'>[] {
  const day = {
    key: keys.costDay(
      record.estate_id,
      record.day,
      record.environment_id,
      record.service_id,
      record.metric,
    ),
    attributes: {
      ...keys.costDayByEnvironment(
        record.environment_id,
        record.day,
        record.service_id,
        record.metric,
      ),
      entity: 'cost_day',
      workspace_id: record.workspace_id,
      estate_id: record.estate_id,
      environment_id: record.environment_id,
      service_id: record.service_id,
      environment_name: record.environment_name,
      service_name: record.service_name,
      metric: record.metric,
      unit: record.unit,
      day: record.day,
    },
    cost_femtos: record.cost_femtos,
    quantity_micros: record.quantity_micros,
  };
  return [day];
}

/** Adds the records' rollups up per item, so a transaction touches each item once. */
export function aggregateRollups(records: readonly PricedUsage[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const record of records) {
    for (const rollup of rollupsOf(record)) {
      const id = `${rollup.key.pk}\n${rollup.key.sk}`;
      const existing = byKey.get(id);
      if (existing) {
        existing.cost_femtos += rollup.cost_femtos;
        existing.quantity_micros += rollup.quantity_micros;
        existing.records += 1;
      } else byKey.set(id, { ...rollup, records: 1 });
    }
  }
  return [...byKey.values()];
}

/** Builds the ADD of a batch's share to one rollup item, creating it when absent. */
export function buildAddRollup(delta: RollupDelta) {
  const names: Record<string, string> = {
    '#cost': 'cost_femtos',
    '#quantity': 'quantity_micros',
    '#records': 'record_count',
  };
  const values: Record<string, unknown> = {
    ':cost': delta.cost_femtos,
    ':quantity': delta.quantity_micros,
    ':records': delta.records,
  };
  const sets = Object.entries(delta.attributes).map(([name, value], index) => {
    names[`#a${index}`] = name;
    values[`:a${index}`] = value;
    return `#a${index} = :a${index}`;
  });
  return {
    TableName: tableName(),
    Key: delta.key,
    UpdateExpression: `SET ${sets.join(', ')} ADD #cost :cost, #quantity :quantity, #records :records`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/** The items one record's transaction updates: its day rollup and its subjects' items. */
const itemsUpdatedBy = (record: PricedUsage) => [
  ...rollupsOf(record).map((rollup) => `${rollup.key.pk}\n${rollup.key.sk}`),
  ...costSubjectsOf(record).map((subject) => {
    const key = subjectKey(subject);
    return `${key.pk}\n${key.sk}`;
  }),
];

/**
 * Splits one estate's records into batches whose transaction fits: one Put per
 * record, one Update per distinct rollup item and per subject, and the batch's event.
 */
export function planBatches(
  records: readonly PricedUsage[],
  maxItems = MAX_TRANSACTION_ITEMS,
): PricedUsage[][] {
  const batches: PricedUsage[][] = [];
  let current: PricedUsage[] = [];
  let rollups = new Set<string>();
  for (const record of records) {
    const ids = itemsUpdatedBy(record);
    const added = ids.filter((id) => !rollups.has(id)).length;
    if (current.length > 0 && current.length + 1 + rollups.size + added + 1 > maxItems) {
      batches.push(current);
      current = [];
      rollups = new Set();
    }
    current.push(record);
    for (const id of ids) rollups.add(id);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
