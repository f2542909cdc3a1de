import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/store/client.ts';
import {
  backoffMs,
  ConditionFailedError,
  MAX_TRANSACT_ATTEMPTS,
  transact,
} from '../../../functions/store/transact.ts';

const dynamo = mockClient(documentClient);

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

afterEach(() => {
  dynamo.reset();
});

describe('transact', () => {
  it('sends again after a conflict with another transaction', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'TransactionConflict'))
      .resolves({});

    await transact([]);

    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('reports the first failed condition by its index, without retrying', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejects(cancelled('None', 'ConditionalCheckFailed', 'TransactionConflict'));

    const error = await transact([]).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ConditionFailedError);
    expect((error as ConditionFailedError).index).toBe(1);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('gives up after its attempts run out', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict'));

    await expect(transact([])).rejects.toBeInstanceOf(TransactionCanceledException);

    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(MAX_TRANSACT_ATTEMPTS);
  });
});

describe('backoffMs', () => {
  it('grows with the attempt and stays under its cap', () => {
    expect(backoffMs(1, () => 1)).toBe(40);
    expect(backoffMs(3, () => 1)).toBe(160);
    expect(backoffMs(20, () => 1)).toBe(800);
    expect(backoffMs(5, () => 0)).toBe(0);
  });
});
