import { describe, expect, it } from 'vitest';
import {
  PermanentDriverError,
  TransientDriverError,
} from '../../../functions/drivers/errors.ts';
import { fromProviderError } from '../../../functions/platform/provider-errors.ts';

describe('fromProviderError', () => {
  it('turns a transient driver failure into 503 with Retry-After', () => {
    const error = fromProviderError(
      new TransientDriverError('throttled', { cause: null }),
    );

    expect(error?.status).toBe(503);
    expect(error?.code).toBe('provider_unavailable');
    expect(error?.headers).toEqual({ 'retry-after': '5' });
  });

  it('turns a permanent driver failure into 422 quoting the refusal', () => {
    const error = fromProviderError(
      new PermanentDriverError('quota exceeded', { cause: null }),
    );

    expect(error?.status).toBe(422);
    expect(error?.code).toBe('provider_refused');
    expect(error?.message).toContain('quota exceeded');
  });

  it('leaves every other error alone', () => {
    expect(fromProviderError(new Error('boom'))).toBeUndefined();
    expect(fromProviderError('boom')).toBeUndefined();
  });
});
