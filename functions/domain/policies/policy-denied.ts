import { UnprocessableError } from '../../platform/errors.ts';
import type { Verdict } from './violation.ts';

/** A change refused by one or more `enforce` policies; lists every one broken. */
export class PolicyDeniedError extends UnprocessableError {
  constructor(verdict: Verdict) {
    const count = verdict.violations.length;
    super(
      'policy_denied',
      `${count} ${count === 1 ? 'policy refuses' : 'policies refuse'} this change: ${verdict.violations.map((violation) => violation.reason).join(' ')}`,
      { violations: verdict.violations, warnings: verdict.warnings },
    );
    this.name = 'PolicyDeniedError';
  }
}
