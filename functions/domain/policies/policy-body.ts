import * as z from 'zod/mini';
import { EstateId } from '../estates/estate.ts';
import { DisplayName, fixedField, nonEmptyUpdate } from '../fields.ts';
import { PARAMETER_SCHEMAS, type PolicyKind } from './kinds.ts';
import { ENFORCEMENT_MODES, POLICY_STATUSES } from './policy.ts';

// Apart from policy.ts, which most functions load for PolicyId alone: only the routes
// that take these bodies need every kind's parameter schema.

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

const fixed = (field: string, reason: string) =>
  fixedField(`${field} cannot change; ${reason}`);

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
  .check(nonEmptyUpdate('Send at least one of name, parameters, enforcement or status.'));
