import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { fromThrottling } from '../../../functions/platform/throttling.ts';

const meta = { $metadata: {} };

describe('fromThrottling', () => {
  it('turns throttling the SDK gave up on into 503 service_busy with Retry-After', () => {
    const error = fromThrottling(
      new ProvisionedThroughputExceededException({ message: 'slow down', ...meta }),
    );

    expect(error?.status).toBe(503);
    expect(error?.code).toBe('service_busy');
    expect(error?.headers).toEqual({ 'retry-after': '1' });
    expect(error?.message).not.toContain('slow down');
  });

  it('recognises a transaction cancelled for capacity', () => {
    const cancelled = new TransactionCanceledException({
      message: 'cancelled',
      CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }],
      ...meta,
    });

    expect(fromThrottling(cancelled)?.code).toBe('service_busy');
  });

  it('leaves conditional failures and every other error alone', () => {
    const conditional = new TransactionCanceledException({
      message: 'cancelled',
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      ...meta,
    });

    expect(fromThrottling(conditional)).toBeUndefined();
    expect(fromThrottling(new Error('boom'))).toBeUndefined();
    expect(fromThrottling('ThrottlingException')).toBeUndefined();
  });
});
