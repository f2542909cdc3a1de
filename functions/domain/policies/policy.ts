import * as z from 'zod/mini';
import { DisplayName, platformId } from '../common.ts';
import { EstateId } from '../estates/estate.ts';
import { PARAMETER_SCHEMAS, type ParametersOf, type PolicyKind } from './kinds.ts';

export const PolicyId = platformId('INFPOL');

export const ENFORCEMENT_MODES = ['enforce', 'warn'] as const;
export type EnforcementMode = (typeof ENFORCEMENT_MODES)[number];

export const POLICY_STATUSES = ['active', 'disabled'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** Most policies one estate holds; every enforcement point reads them all. */
export const MAX_POLICIES_PER_ESTATE = 50;

const member = <K extends PolicyKind>(kind: K) =>
  z.strictObject({
    estate_id: EstateId,
    name: DisplayName,
    kind: z.literal(kind),
    parameters: PARAMETER_SCHEMAS[kind],
    enforcement: z._default(z.enum(ENFORCEMENT_MODES), 'enforce'),
    status: z._default(z.enum(POLICY_STATUSES), 'active'),
  });

/** The body of POST /v1/infrastructure/policies: the parameters are checked per kind. */
export const CreatePolicyBody = z.discriminatedUnion(
  'kind',
  [
    member('allowed_regions'),
    member('allowed_service_types'),
    member('allowed_image_registries'),
    member('required_project_tags'),
    member('max_services_per_environment'),
    member('deployment_window'),
    member('deployment_freeze'),
    member('monthly_budget_ceiling'),
    member('promotion_order'),
  ],
  { error: `kind is one of ${Object.keys(PARAMETER_SCHEMAS).join(', ')}.` },
);
export type CreatePolicyInput = z.output<typeof CreatePolicyBody>;

const fixed = (field: string, reason: string) =>
  z.optional(z.never({ error: `${field} cannot change; ${reason}` }));

/**
 * The body of PATCH /v1/infrastructure/policies/{id}. `parameters` replaces the old
 * parameters whole and is checked against the policy's kind.
 */
export const UpdatePolicyBody = z
  .strictObject({
    name: z.optional(DisplayName),
    parameters: z.optional(z.record(z.string(), z.unknown())),
    enforcement: z.optional(z.enum(ENFORCEMENT_MODES)),
    status: z.optional(z.enum(POLICY_STATUSES)),
    kind: fixed('kind', 'create a new policy of the other kind.'),
    estate_id: fixed('estate_id', 'create the policy in the other estate.'),
  })
  .check(
    z.refine(
      (body) => Object.values(body).some((value) => value !== undefined),
      'Send at least one of name, parameters, enforcement or status.',
    ),
  );
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
