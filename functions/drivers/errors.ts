/**
 * A cloud failure worth retrying: throttling, a timeout, a dependency briefly down.
 * Step Functions retries task errors by name, so `name` is exactly the class name.
 */
export class TransientDriverError extends Error {
  constructor(message: string, options: { readonly cause: unknown }) {
    super(message, options);
    this.name = 'TransientDriverError';
  }
}

/**
 * A cloud failure that retrying cannot fix: bad input, a quota, a refused request.
 * Workflows catch it by name and move the object to a failed state.
 */
export class PermanentDriverError extends Error {
  constructor(message: string, options: { readonly cause: unknown }) {
    super(message, options);
    this.name = 'PermanentDriverError';
  }
}

/** Driver configuration read from the environment is invalid; thrown at start-up. */
export class DriverConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DriverConfigError';
  }
}
