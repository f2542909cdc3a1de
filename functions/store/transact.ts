import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
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

/** Writes items atomically; a failed condition surfaces as ConditionFailedError. */
export async function transact(items: readonly TransactItem[]): Promise<void> {
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: [...items] }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const index = (error.CancellationReasons ?? []).findIndex(
        (reason) => reason.Code === 'ConditionalCheckFailed',
      );
      if (index >= 0) throw new ConditionFailedError(index, error);
    }
    throw error;
  }
}
