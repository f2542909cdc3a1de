import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '../../platform/errors.ts';
import { validate } from '../../platform/validate.ts';
import { buildPutEvent } from '../../store/events.ts';
import { buildReplacePolicy, getPolicy } from '../../store/policies.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Estate } from '../estates/estate.ts';
import { PARAMETER_SCHEMAS } from './kinds.ts';
import type { Policy, UpdatePolicyInput } from './policy.ts';
import { PolicyChangedError } from './policy-changed.ts';
import { requirePolicyEstate } from './policy-estate.ts';
import { policyEvent } from './policy-events.ts';
import { requireProviderRegions } from './policy-regions.ts';

const EDITABLE = ['name', 'parameters', 'enforcement', 'status'] as const;

/** The policy with the request applied; parameters are checked against its kind. */
function applied(policy: Policy, input: UpdatePolicyInput): Policy {
  const parameters =
    input.parameters === undefined
      ? policy.parameters
      : validate(PARAMETER_SCHEMAS[policy.kind], input.parameters, 'body.parameters');
  // The parameters were parsed by the schema of this policy's own kind.
  return {
    ...policy,
    name: input.name ?? policy.name,
    enforcement: input.enforcement ?? policy.enforcement,
    status: input.status ?? policy.status,
    parameters,
  } as Policy;
}

/**
 * Changes a policy's name, parameters, enforcement or status and, in the same
 * transaction, records `infrastructure.policy.updated`. The write holds only if the
 * policy is still at the version read; asking for what is there changes nothing.
 */
export async function updatePolicy(
  estate: Estate,
  policy: Policy,
  input: UpdatePolicyInput,
): Promise<Policy> {
  requirePolicyEstate(estate);
  const candidate = applied(policy, input);
  // Only new parameters are checked, so a policy that predates the check can still be
  // renamed or disabled.
  if (input.parameters !== undefined) requireProviderRegions(estate, candidate);
  const changed = EDITABLE.filter(
    (field) => !isDeepStrictEqual(candidate[field], policy[field]),
  );
  if (changed.length === 0) return policy;
  const now = new Date();
  const next = {
    ...candidate,
    version: policy.version + 1,
    updated_at: nowIso(now),
  } as Policy;
  const event = policyEvent(estate, next, 'updated', now, { changed_fields: changed });
  try {
    await transact([
      { Put: buildReplacePolicy(next, policy.version) },
      { Put: buildPutEvent(event) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    // Deleted meanwhile: there is nothing left to change.
    if (!(await getPolicy(policy.id))) throw new NotFoundError('policy', policy.id);
    throw new PolicyChangedError(policy.id, error);
  }
  return next;
}
