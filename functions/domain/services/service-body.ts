import * as z from 'zod/mini';
import type { WorkloadType } from '../../drivers/driver.ts';
import { EnvironmentId } from '../environments/environment.ts';
import { DnsLabel, fixedField } from '../fields.ts';
import { CONFIG_SCHEMAS } from './service-config.ts';

// Apart from service.ts, which most functions load for ServiceId alone: only the routes
// that take these bodies need every type's config schema.

const TYPES = Object.keys(CONFIG_SCHEMAS).join(', ');

const member = <T extends WorkloadType>(type: T) =>
  z.strictObject({
    environment_id: EnvironmentId,
    name: DnsLabel,
    type: z.literal(type),
    config: CONFIG_SCHEMAS[type],
  });

/** The body of POST /v1/infrastructure/services: the config is checked against the type. */
export const CreateServiceBody = z.discriminatedUnion(
  'type',
  [
    member('container_service'),
    member('serverless_function'),
    member('managed_database'),
    member('message_queue'),
  ],
  { error: `type is one of ${TYPES}.` },
);

const fixed = (field: string, reason: string) =>
  fixedField(`${field} cannot change; ${reason}`);

/**
 * The body of PATCH /v1/infrastructure/services/{id}: config fields to change, merged
 * over the current config and checked against the service's type.
 */
export const UpdateServiceBody = z
  .strictObject({
    config: z.optional(z.record(z.string(), z.unknown())),
    name: fixed('name', 'it is part of the provider resource name.'),
    type: fixed('type', 'create a new service of the other type.'),
    environment_id: fixed(
      'environment_id',
      'create the service in the other environment.',
    ),
  })
  .check(
    z.refine((body) => Object.keys(body.config ?? {}).length > 0, {
      message: 'Send config with at least one field to change.',
      params: { code: 'empty_update' },
    }),
  );
