import * as z from 'zod/mini';
import { ENVIRONMENT_TYPES } from '../../drivers/driver.ts';
import { EstateId } from '../estates/estate.ts';
import { DnsLabel, fixedField, nonEmptyUpdate } from '../fields.ts';

// Apart from environment.ts, which most functions load for EnvironmentId alone: only
// the routes that take these bodies need their schemas.

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

/** The body of POST /v1/infrastructure/environments. */
export const CreateEnvironmentBody = z.strictObject({
  estate_id: EstateId,
  name: DnsLabel,
  type: z.enum(ENVIRONMENT_TYPES),
  config: z._default(EnvironmentConfig, { variables: {} }),
});

/** The body of PATCH /v1/infrastructure/environments/{id}; `config` replaces the old one. */
export const UpdateEnvironmentBody = z
  .strictObject({
    name: z.optional(DnsLabel),
    config: z.optional(EnvironmentConfig),
    type: fixedField('type cannot change; create a new environment of the other type.'),
  })
  .check(nonEmptyUpdate('Send name, config or both.'));
