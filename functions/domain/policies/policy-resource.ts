import type { Policy } from './policy.ts';

/** The policy as the API shows it. */
export function toPolicyResource(policy: Policy) {
  return {
    id: policy.id,
    estate_id: policy.estate_id,
    name: policy.name,
    kind: policy.kind,
    parameters: policy.parameters,
    enforcement: policy.enforcement,
    status: policy.status,
    version: policy.version,
    created_at: policy.created_at,
    updated_at: policy.updated_at,
  };
}
