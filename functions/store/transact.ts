import { setTimeout as sleep } from 'node:timers/promises';
import {
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';

export type TransactItem = NonNullable<
  TransactWriteCommandInput['TransactItems']
>[number];

/** Thrown when a condition in a transaction failed; `index` is the first failing item. */
export class ConditionFailedError extends Error {
  readonly index: number;

  constructor(index: number, cause: unknown) {
    super(`condition failed on transaction item ${index}`, { cause });
    this.name = 'ConditionFailedError';
    this.index = index;
  }
}

/** Attempts of a transaction that keeps meeting a concurrent one on the same item. */
export const MAX_TRANSACT_ATTEMPTS = 10;

const BASE_DELAY_MS = 20;
const MAX_DELAY_MS = 800;

/** Full-jitter exponential backoff before attempt `attempt + 1`. */
export const backoffMs = (attempt: number, random = Math.random) =>
  Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));

const reasonsOf = (error: TransactionCanceledException) =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code);

/**
 * Writes items atomically; a failed condition surfaces as ConditionFailedError.
 * DynamoDB cancels a transaction that overlaps another one on the same item (for
 * example two environments adding to one estate's counter); nothing was written
 * then, so it is sent again after a jittered backoff.
 */
export async function transact(items: readonly TransactItem[]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await documentClient.send(new TransactWriteCommand({ TransactItems: [...items] }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = reasonsOf(error);
      const index = reasons.indexOf('ConditionalCheckFailed');
      if (index >= 0) throw new ConditionFailedError(index, error);
      if (!reasons.includes('TransactionConflict') || attempt >= MAX_TRANSACT_ATTEMPTS)
        throw error;
      await sleep(backoffMs(attempt));
    }
  }
}

/**
 * Sends a single-item write, again after a jittered backoff while DynamoDB rejects
 * it for a transaction in progress on the same item (metering usage adds to the
 * estate's, environment's and service's items in transactions). The SDK does not
 * retry that rejection itself.
 */
export async function sendPastTransactions<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (
        !(error instanceof TransactionConflictException) ||
        attempt >= MAX_TRANSACT_ATTEMPTS
      )
        throw error;
      await sleep(backoffMs(attempt));
    }
  }
}
