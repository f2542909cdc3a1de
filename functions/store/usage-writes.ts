import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PricedUsage } from '../domain/costs/usage.ts';
import type { PlatformEvent } from '../domain/events.ts';
import { documentClient } from './client.ts';
import { buildPutEvent } from './events.ts';
import type { CostSubject } from './month-costs.ts';
import { aggregateSubjectCosts, buildAddSubjectCosts, subjectId } from './month-costs.ts';
import { backoffMs, MAX_TRANSACT_ATTEMPTS, type TransactItem } from './transact.ts';
import { aggregateRollups, buildAddRollup, buildPutUsageRecord } from './usage-items.ts';

/** One update a batch of records makes, with the subject whose month cost it adds to. */
export interface UsageUpdate {
  readonly update:
    | ReturnType<typeof buildAddRollup>
    | ReturnType<typeof buildAddSubjectCosts>;
  readonly subject?: CostSubject;
}

/**
 * The updates a batch of records makes, one per item: an ADD per day rollup, then an
 * ADD per subject's item (its month attributes). Subjects in `gone` are left out:
 * their items no longer exist.
 */
export function buildUsageUpdates(
  records: readonly PricedUsage[],
  gone: ReadonlySet<string> = new Set(),
): UsageUpdate[] {
  return [
    ...aggregateRollups(records).map((delta) => ({ update: buildAddRollup(delta) })),
    ...aggregateSubjectCosts(records)
      .filter((costs) => !gone.has(subjectId(costs.subject)))
      .map((costs) => ({ update: buildAddSubjectCosts(costs), subject: costs.subject })),
  ];
}

/** One batch's transaction, with the subject each of its items adds to, if any. */
export interface UsageTransaction {
  readonly items: TransactItem[];
  /** By index: the subject whose month cost the item adds to; undefined for the rest. */
  readonly subjects: readonly (CostSubject | undefined)[];
}

/**
 * Builds one batch's transaction: the records' Puts first (so a cancellation
 * reason's index is the record's), then the batch's updates, then the event.
 */
export function buildUsageTransaction(
  records: readonly PricedUsage[],
  event: PlatformEvent,
  gone: ReadonlySet<string> = new Set(),
): UsageTransaction {
  const updates = buildUsageUpdates(records, gone);
  return {
    items: [
      ...records.map((record) => ({ Put: buildPutUsageRecord(record) })),
      ...updates.map(({ update }) => ({ Update: update })),
      { Put: buildPutEvent(event) },
    ],
    subjects: [
      ...records.map(() => undefined),
      ...updates.map(({ subject }) => subject),
      undefined,
    ],
  };
}

export interface BatchResult {
  readonly written: readonly PricedUsage[];
  /** Records whose ID was already in the table: counted before, not again. */
  readonly duplicates: readonly PricedUsage[];
}

/**
 * Writes one batch of an estate's records with their rollups, month costs and
 * event, all or nothing. A record whose ID exists cancels the transaction; it is
 * dropped as a duplicate and the rest sent again (with a new event naming only
 * them). A subject whose item is gone (deleted since the records were priced) is
 * left out and the rest sent again: its records still count for the day rollups and
 * for the subjects that remain. A conflict with a concurrent transaction on a
 * rollup or subject is retried after a jittered backoff.
 */
export async function writeUsageBatch(
  records: readonly PricedUsage[],
  eventFor: (records: readonly PricedUsage[]) => PlatformEvent,
): Promise<BatchResult> {
  let pending = [...records];
  const duplicates: PricedUsage[] = [];
  const gone = new Set<string>();
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const transaction = buildUsageTransaction(pending, eventFor(pending), gone);
    try {
      await documentClient.send(
        new TransactWriteCommand({ TransactItems: transaction.items }),
      );
      return { written: pending, duplicates };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = (error.CancellationReasons ?? []).map((reason) => reason.Code);
      const failed = (i: number) => reasons[i] === 'ConditionalCheckFailed';
      const seen = pending.filter((_, i) => failed(i));
      const vanished = transaction.subjects.flatMap((subject, i) =>
        subject && failed(i) ? [subjectId(subject)] : [],
      );
      if (seen.length > 0 || vanished.length > 0) {
        duplicates.push(...seen);
        pending = pending.filter((record) => !seen.includes(record));
        for (const id of vanished) gone.add(id);
        continue;
      }
      if (!reasons.includes('TransactionConflict') || attempt >= MAX_TRANSACT_ATTEMPTS)
        throw error;
      await sleep(backoffMs(attempt));
    }
  }
  return { written: [], duplicates };
}
