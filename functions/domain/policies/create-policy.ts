import { ConflictError } from '../../platform/errors.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { allPolicies, buildPutPolicy } from '../../store/policies.ts';
import { transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Estate } from '../estates/estate.ts';
import {
  type CreatePolicyInput,
  MAX_POLICIES_PER_ESTATE,
  newPolicy,
  type Policy,
} from './policy.ts';
import { requirePolicyEstate } from './policy-estate.ts';
import { policyEvent } from './policy-events.ts';
import { requireProviderRegions } from './policy-regions.ts';

/**
 * Records a new policy of an estate and, in the same transaction, its
 * `infrastructure.policy.created` event. From then on it governs every new
 * environment, service and deployment of the estate.
 */
export async function createPolicy(
  estate: Estate,
  input: CreatePolicyInput,
): Promise<Policy> {
  requireProviderRegions(estate, input);
  requirePolicyEstate(estate);
  const existing = await allPolicies(estate.id);
  if (existing.length >= MAX_POLICIES_PER_ESTATE)
    throw new ConflictError(
      'policy_limit_reached',
      `Estate ${estate.id} already has ${existing.length} policies; at most ${MAX_POLICIES_PER_ESTATE} are allowed.`,
    );
  const now = new Date();
  const id = await allocateId('INFPOL', now);
  const policy = newPolicy(id, estate.workspace_id, input, nowIso(now));
  await transact([
    { Put: buildPutPolicy(policy) },
    { Put: buildPutEvent(policyEvent(estate, policy, 'created', now)) },
  ]);
  return policy;
}
