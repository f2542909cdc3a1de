import type { PolicyKind } from './kinds.ts';
import type { EnforcementMode, Policy } from './policy.ts';

/** One policy a change breaks, and why, in words a user can act on. */
export interface Violation {
  readonly policy_id: string;
  readonly name: string;
  readonly kind: PolicyKind;
  readonly enforcement: EnforcementMode;
  readonly reason: string;
}

/** What the policies of an estate say about a change. */
export interface Verdict {
  /** Broken `enforce` policies: the change is refused while any remain. */
  readonly violations: readonly Violation[];
  /** Broken `warn` policies: the change goes ahead and each is recorded. */
  readonly warnings: readonly Violation[];
  /** Broken `enforce` policies a break-glass override set aside. */
  readonly overridden: readonly Violation[];
}

export const violationOf = (policy: Policy, reason: string): Violation => ({
  policy_id: policy.id,
  name: policy.name,
  kind: policy.kind,
  enforcement: policy.enforcement,
  reason,
});
