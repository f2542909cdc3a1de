import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PricedUsage } from '../domain/costs/usage.ts';
import type { PlatformEvent } from '../domain/events.ts';
import { costClient } from './cost-client.ts';
import { buildPutEvent } from './events.ts';
import { backoffMs, MAX_TRANSACT_ATTEMPTS, type TransactItem } from './transact.ts';
import { aggregateRollups, buildAddRollup, buildPutUsageRecord } from './usage-items.ts';

/**
 * Builds one batch's transaction: the records' Puts first (so a cancellation
 * reason's index is the record's), then one ADD per rollup item, then the event.
 */
export function buildUsageTransaction(
  records: readonly PricedUsage[],
  event: PlatformEvent,
): TransactItem[] {
  return [
    ...records.map((record) => ({ Put: buildPutUsageRecord(record) })),
    ...aggregateRollups(records).map((delta) => ({ Update: buildAddRollup(delta) })),
    { Put: buildPutEvent(event) },
  ];
}

export interface BatchResult {
  readonly written: readonly PricedUsage[];
  /** Records whose ID was already in the table: counted before, not again. */
  readonly duplicates: readonly PricedUsage[];
}

/**
 * Writes one batch of an estate's records with their rollups and event, all or
 * nothing. A record whose ID exists cancels the transaction; it is dropped as a
 * duplicate and the rest sent again (with a new event naming only them). A conflict
 * with a concurrent transaction on a rollup is retried after a jittered backoff.
 */
export async function writeUsageBatch(
  records: readonly PricedUsage[],
  eventFor: (records: readonly PricedUsage[]) => PlatformEvent,
): Promise<BatchResult> {
  let pending = [...records];
  const duplicates: PricedUsage[] = [];
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    try {
      const items = buildUsageTransaction(pending, eventFor(pending));
      await costClient.send(new TransactWriteCommand({ TransactItems: items }));
      return { written: pending, duplicates };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = (error.CancellationReasons ?? []).map((reason) => reason.Code);
      const seen = pending.filter((_, i) => reasons[i] === 'ConditionalCheckFailed');
      if (seen.length > 0) {
        duplicates.push(...seen);
        pending = pending.filter((record) => !seen.includes(record));
        continue;
      }
      if (!reasons.includes('TransactionConflict') || attempt >= MAX_TRANSACT_ATTEMPTS)
        throw error;
      await sleep(backoffMs(attempt));
    }
  }
  return { written: [], duplicates };
}
