/**
 * Thrown when a rule's event pattern is not one EventBridge would accept, so a bad
 * rule fails when the local event bus starts rather than silently matching nothing.
 */
export class InvalidEventPatternError extends Error {
  /** Where in the pattern the problem is, as a dotted path (`detail.status[0]`). */
  readonly path: string;

  constructor(path: string, reason: string) {
    super(`Invalid event pattern at ${path}: ${reason}`);
    this.name = 'InvalidEventPatternError';
    this.path = path;
  }
}
