import { ConflictError } from '../../platform/errors.ts';

/** Thrown when a policy changed between reading it and writing a change to it. */
export class PolicyChangedError extends ConflictError {
  constructor(policyId: string, cause: unknown) {
    super(
      'policy_changed',
      `Policy ${policyId} changed while it was being written; read it again and retry.`,
    );
    this.name = 'PolicyChangedError';
    this.cause = cause;
  }
}
