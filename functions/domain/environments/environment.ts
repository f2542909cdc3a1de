import type * as z from 'zod/mini';
import type { EnvironmentType } from '../../drivers/driver.ts';
import { platformId } from '../common.ts';
import type {
  CreateEnvironmentBody,
  EnvironmentConfig as EnvironmentConfigSchema,
  UpdateEnvironmentBody,
} from './environment-body.ts';

/**
 * Environments are logical: nothing is provisioned for them, so one is `active` from
 * the moment it is created until it is deleted (a hard delete).
 */
export const ENVIRONMENT_STATUSES = ['active'] as const;
export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

export const EnvironmentId = platformId('INFENV');

export type EnvironmentConfig = z.output<typeof EnvironmentConfigSchema>;
export type CreateEnvironmentInput = z.output<typeof CreateEnvironmentBody>;
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
