import { ApiError } from './errors.ts';

/** Seconds a client is asked to wait after a transient provider failure. */
export const PROVIDER_RETRY_AFTER_SECONDS = 5;

/**
 * Turns a cloud driver's failure into the problem a client can act on. Drivers throw
 * `TransientDriverError` and `PermanentDriverError`, whose `name` is part of their
 * contract (workflows match on it too), so they are recognised by name and the
 * platform layer needs no import from the drivers.
 */
export function fromProviderError(error: unknown): ApiError | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'TransientDriverError') {
    return new ApiError(503, {
      code: 'provider_unavailable',
      detail: `The cloud provider did not complete the request; retry in ${PROVIDER_RETRY_AFTER_SECONDS} seconds.`,
      headers: { 'retry-after': String(PROVIDER_RETRY_AFTER_SECONDS) },
      cause: error,
    });
  }
  if (error.name === 'PermanentDriverError') {
    return new ApiError(422, {
      code: 'provider_refused',
      detail: `The cloud provider refused the request: ${error.message}`,
      cause: error,
    });
  }
  return undefined;
}
