import * as z from 'zod/mini';
import type { HealthStatus, WorkloadType } from '../../drivers/driver.ts';
import { DnsLabel, platformId } from '../common.ts';
import { EnvironmentId } from '../environments/environment.ts';
import { CONFIG_SCHEMAS, type ServiceConfig } from './service-config.ts';

/**
 * A service is `running` once its workload exists; deployments will add their own
 * statuses. Deleting removes the workload and the record (a hard delete).
 */
export const SERVICE_STATUSES = ['running'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const ServiceId = platformId('INFSVC');

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
export type CreateServiceInput = z.output<typeof CreateServiceBody>;

const fixed = (field: string, reason: string) =>
  z.optional(z.never({ error: `${field} cannot change; ${reason}` }));

/**
 * The body of PATCH /v1/infrastructure/services/{id}: config fields to change, merged
 * over the current config and checked against the service's type.
 */
export const UpdateServiceBody = z.strictObject({
  config: z.record(z.string(), z.unknown()),
  name: fixed('name', 'it is part of the provider resource name.'),
  type: fixed('type', 'create a new service of the other type.'),
  environment_id: fixed('environment_id', 'create the service in the other environment.'),
});
export type UpdateServiceInput = z.output<typeof UpdateServiceBody>;

export interface ServiceHealth {
  readonly score: number;
  readonly status: HealthStatus;
}

/** A service as stored; the resource is a projection of it. */
export interface Service {
  readonly id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly environment_id: string;
  readonly name: string;
  readonly type: WorkloadType;
  readonly status: ServiceStatus;
  readonly provider_resource: string;
  /** The image now running, for types that run one; deployments change it. */
  readonly current_image: string | null;
  /** The deployment rolling this service right now; at most one at a time. */
  readonly active_deployment_id?: string;
  readonly health: ServiceHealth;
  readonly cost_mtd_micros: number;
  readonly config: ServiceConfig;
  readonly version: number;
  readonly created_at: string;
  readonly updated_at: string;
}
