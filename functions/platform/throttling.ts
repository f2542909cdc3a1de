import { ApiError } from './errors.ts';

/** Seconds a client is asked to wait when the table is throttling requests. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** Error names AWS SDK clients use for throttling that outlasted their own retries. */
const THROTTLING_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

/** Cancellation reasons of a transaction that DynamoDB refused for capacity. */
const THROTTLING_REASONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded']);

function cancelledForCapacity(error: Error): boolean {
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = Reflect.get(error, 'CancellationReasons');
  return (
    Array.isArray(reasons) &&
    reasons.some((reason: { Code?: unknown }) =>
      THROTTLING_REASONS.has(String(reason?.Code)),
    )
  );
}

/**
 * Turns throttling the SDK's retries did not absorb into a 503 `service_busy` with
 * Retry-After. Nothing was written (a throttled call or transaction is refused whole),
 * so the client can send the request again. Errors are recognised by name, as the SDK
 * reports them, so the platform layer needs no import from the store.
 */
export function fromThrottling(error: unknown): ApiError | undefined {
  if (!(error instanceof Error)) return undefined;
  if (!THROTTLING_NAMES.has(error.name) && !cancelledForCapacity(error)) return undefined;
  return new ApiError(503, {
    code: 'service_busy',
    detail: `The service is busy; retry in ${BUSY_RETRY_AFTER_SECONDS} second.`,
    headers: { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
    cause: error,
  });
}
