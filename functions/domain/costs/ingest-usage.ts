import { ValidationError } from '../../platform/errors.ts';
import { femtosToAmount } from '../../platform/money.ts';
import { planBatches } from '../../store/usage-items.ts';
import { loadMeteringContext } from '../../store/usage-reads.ts';
import { writeUsageBatch } from '../../store/usage-writes.ts';
import { priceUsage } from './price-usage.ts';
import type { PricedUsage, RecordOutcome, UsageRecordInput } from './usage.ts';
import { usageMeteredEvent } from './usage-events.ts';

export interface IngestResult {
  readonly accepted: number;
  readonly duplicates: number;
  /** What the accepted records cost, as the API shows money. */
  readonly cost: number;
  readonly records: readonly { record_id: string; status: RecordOutcome }[];
  /** The estates whose totals changed, for budget checks. */
  readonly estateIds: readonly string[];
}

export interface IngestOptions {
  readonly now?: Date;
}

/**
 * Ingests a batch of usage records, all or nothing on validation: a bad record fails
 * the whole batch with one field error per bad record, and nothing is written. Then,
 * per estate and in transactions that fit DynamoDB's limits, each new record is
 * written once with its day rollup, month totals and metering event. A record ID
 * seen before (in an earlier batch, a concurrent one, or earlier in this one) is
 * reported as a duplicate and not counted again.
 */
export async function ingestUsage(
  workspaceId: string,
  records: readonly UsageRecordInput[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const context = await loadMeteringContext(records.map((record) => record.service_id));
  const { priced, errors } = priceUsage(records, workspaceId, context, now);
  if (errors.length > 0)
    throw new ValidationError(
      errors,
      'Some usage records are invalid; none was recorded.',
    );

  const unique = new Map<string, PricedUsage>();
  for (const record of priced)
    if (record && !unique.has(record.record_id)) unique.set(record.record_id, record);
  const written = new Set<string>();
  let cost = 0n;
  for (const estateRecords of groupByEstate([...unique.values()])) {
    for (const batch of planBatches(estateRecords)) {
      const result = await writeUsageBatch(batch, (pending) =>
        usageMeteredEvent(pending, now),
      );
      for (const record of result.written) {
        written.add(record.record_id);
        cost += record.cost_femtos;
      }
    }
  }
  const outcomes = records.map((record, index) => ({
    record_id: record.record_id,
    status: isFirstWrite(records, index, written)
      ? ('accepted' as const)
      : ('duplicate' as const),
  }));
  return {
    accepted: written.size,
    duplicates: records.length - written.size,
    cost: femtosToAmount(cost),
    records: outcomes,
    estateIds: [...new Set([...unique.values()].map((record) => record.estate_id))],
  };
}

/** Whether this index is the one occurrence of its record ID that was written. */
function isFirstWrite(
  records: readonly UsageRecordInput[],
  index: number,
  written: ReadonlySet<string>,
) {
  const id = records[index]?.record_id ?? '';
  return (
    written.has(id) && records.findIndex((record) => record.record_id === id) === index
  );
}

function groupByEstate(records: readonly PricedUsage[]): PricedUsage[][] {
  const groups = new Map<string, PricedUsage[]>();
  for (const record of records) {
    const group = groups.get(record.estate_id) ?? [];
    group.push(record);
    groups.set(record.estate_id, group);
  }
  return [...groups.values()];
}
