import type * as z from 'zod/mini';
import { platformId } from '../common.ts';
import type { ParametersOf, PolicyKind } from './kinds.ts';
import type { CreatePolicyBody, UpdatePolicyBody } from './policy-body.ts';

export const PolicyId = platformId('INFPOL');

export const ENFORCEMENT_MODES = ['enforce', 'warn'] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

export const POLICY_STATUSES = ['active', 'disabled'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** Most policies one estate holds; every enforcement point reads them all. */
export const MAX_POLICIES_PER_ESTATE = 50;

export type CreatePolicyInput = z.output<typeof CreatePolicyBody>;
export type UpdatePolicyInput = z.output<typeof UpdatePolicyBody>;

/** A kind with its parameters, typed together. */
export type PolicyRule = {
  [K in PolicyKind]: { readonly kind: K; readonly parameters: ParametersOf<K> };
}[PolicyKind];

/** A policy as stored; the resource is a projection of it. */
export type Policy = PolicyRule & {
  readonly id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly name: string;
  readonly enforcement: EnforcementMode;
  readonly status: PolicyStatus;
  readonly version: number;
  readonly created_at: string;
  readonly updated_at: string;
};

/** Builds a new policy of an estate from a validated request. */
export function newPolicy(
  id: string,
  workspaceId: string,
  input: CreatePolicyInput,
  now: string,
): Policy {
  return {
    id,
    workspace_id: workspaceId,
    ...input,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
