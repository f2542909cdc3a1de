import { TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/store/client.ts';
import { recordServiceHealth } from '../../../functions/store/service-health.ts';

const dynamo = mockClient(documentClient);
const READING = {
  score: 92,
  status: 'healthy' as const,
  observed_at: '2026-04-15T10:00:00.000Z',
};

afterEach(() => {
  dynamo.reset();
});

describe('recordServiceHealth', () => {
  it('writes again when metering holds the service in a transaction', async () => {
    const previous = { score: 80, status: 'degraded' as const };
    dynamo
      .on(UpdateCommand)
      .rejectsOnce(
        new TransactionConflictException({
          message: 'Transaction is ongoing for the item',
          $metadata: {},
        }),
      )
      .resolves({ Attributes: { health: previous } });

    const result = await recordServiceHealth('INFSVC-26-000041', READING);

    expect(result).toEqual({ previous });
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(2);
  });
});
