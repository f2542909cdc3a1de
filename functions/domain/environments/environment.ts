import * as z from 'zod/mini';
import { ENVIRONMENT_TYPES, type EnvironmentType } from '../../drivers/driver.ts';
import { DnsLabel, platformId } from '../common.ts';
import { EstateId } from '../estates/estate.ts';

/**
 * Environments are logical: nothing is provisioned for them, so one is `active` from
 * the moment it is created until it is deleted (a hard delete).
 */
export const ENVIRONMENT_STATUSES = ['active'] as const;
export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

export const EnvironmentId = platformId('INFENV');

/** Most variables one environment holds. */
export const MAX_VARIABLES = 100;

const VariableName = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z_][A-Za-z0-9_]{0,127}$/,
      'Use a variable name of letters, digits and underscores, such as LOG_LEVEL.',
    ),
  );

/** Configuration every service of the environment shares. */
export const EnvironmentConfig = z.strictObject({
  variables: z._default(
    z
      .record(
        VariableName,
        z
          .string()
          .check(z.maxLength(4096, 'A variable value has at most 4096 characters.')),
      )
      .check(
        z.refine(
          (variables) => Object.keys(variables).length <= MAX_VARIABLES,
          `At most ${MAX_VARIABLES} variables.`,
        ),
      ),
    {},
  ),
});
export type EnvironmentConfig = z.output<typeof EnvironmentConfig>;

/** The body of POST /v1/infrastructure/environments. */
export const CreateEnvironmentBody = z.strictObject({
  estate_id: EstateId,
  name: DnsLabel,
  type: z.enum(ENVIRONMENT_TYPES),
  config: z._default(EnvironmentConfig, { variables: {} }),
});
export type CreateEnvironmentInput = z.output<typeof CreateEnvironmentBody>;

/** The body of PATCH /v1/infrastructure/environments/{id}; `config` replaces the old one. */
export const UpdateEnvironmentBody = z
  .strictObject({
    name: z.optional(DnsLabel),
    config: z.optional(EnvironmentConfig),
    type: z.optional(
      z.never({
        error: 'type cannot change; create a new environment of the other type.',
      }),
    ),
  })
  .check(
    z.refine(
      (body) => body.name !== undefined || body.config !== undefined,
      'Send name, config or both.',
    ),
  );
export type UpdateEnvironmentInput = z.output<typeof UpdateEnvironmentBody>;

/** An environment as stored; the resource is a projection of it. */
export interface Environment {
  readonly id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly name: string;
  readonly type: EnvironmentType;
  readonly status: EnvironmentStatus;
  readonly service_count: number;
  readonly cost_mtd_micros: number;
  readonly config: EnvironmentConfig;
  readonly version: number;
  readonly created_at: string;
  readonly updated_at: string;
}

/** Builds a new, active environment of an estate from a validated request. */
export function newEnvironment(
  id: string,
  workspaceId: string,
  input: CreateEnvironmentInput,
  now: string,
): Environment {
  return {
    id,
    workspace_id: workspaceId,
    estate_id: input.estate_id,
    name: input.name,
    type: input.type,
    status: 'active',
    service_count: 0,
    cost_mtd_micros: 0,
    config: input.config,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
