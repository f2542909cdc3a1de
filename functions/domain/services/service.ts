import type * as z from 'zod/mini';
import type { HealthStatus, WorkloadType } from '../../drivers/driver.ts';
import { platformId } from '../common.ts';
import type { CreateServiceBody, UpdateServiceBody } from './service-body.ts';
import type { ServiceConfig } from './service-config.ts';

/**
 * A service is `provisioning` from its creation until its workflow has created the
 * workload, then `running`; `failed` when the workload could not be created (the
 * reason is kept, and the service stays failed until it is deleted). Deleting removes
 * the workload, if there is one, and the record (a hard delete).
 */
export const SERVICE_STATUSES = ['provisioning', 'running', 'failed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const ServiceId = platformId('INFSVC');

export type CreateServiceInput = z.output<typeof CreateServiceBody>;
export type UpdateServiceInput = z.output<typeof UpdateServiceBody>;

/** A service's health: a score and status once measured; null and `unknown` before. */
export type ServiceHealth =
  | { readonly score: number; readonly status: HealthStatus }
  | { readonly score: null; readonly status: 'unknown' };

/** A service as stored; the resource is a projection of it. */
export interface Service {
  readonly id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly environment_id: string;
  readonly name: string;
  readonly type: WorkloadType;
  readonly status: ServiceStatus;
  /** The workload in the provider, once created; null while provisioning or failed. */
  readonly provider_resource: string | null;
  /** Why provisioning failed, in words users can act on; only on a failed service. */
  readonly status_reason?: string;
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
