import { NotFoundError } from '../../platform/errors.ts';
import { getPolicy } from '../../store/policies.ts';
import type { Policy } from './policy.ts';

/** The policy, if it exists in the caller's workspace; another workspace's is a 404. */
export async function ownedPolicy(
  policyId: string,
  workspaceId: string,
): Promise<Policy> {
  const policy = await getPolicy(policyId);
  if (!policy || policy.workspace_id !== workspaceId)
    throw new NotFoundError('policy', policyId);
  return policy;
}
