import { buildPutEvent } from '../../store/events.ts';
import { buildDeletePolicy } from '../../store/policies.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import type { Estate } from '../estates/estate.ts';
import type { Policy } from './policy.ts';
import { PolicyChangedError } from './policy-changed.ts';
import { policyEvent } from './policy-events.ts';

/**
 * Deletes a policy and, in the same transaction, records
 * `infrastructure.policy.deleted` with its last snapshot. Refused with 409 if the
 * policy changed since it was read.
 */
export async function deletePolicy(estate: Estate, policy: Policy): Promise<void> {
  const now = new Date();
  try {
    await transact([
      { Delete: buildDeletePolicy(policy.id, policy.version) },
      { Put: buildPutEvent(policyEvent(estate, policy, 'deleted', now)) },
    ]);
  } catch (error) {
    if (error instanceof ConditionFailedError)
      throw new PolicyChangedError(policy.id, error);
    throw error;
  }
}
