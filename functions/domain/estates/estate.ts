import type * as z from 'zod/mini';
import { platformId } from '../common.ts';
import type { CreateEstateBody } from './estate-body.ts';
import { type Provider, zonesOf } from './regions.ts';

export const ESTATE_STATUSES = [
  'provisioning',
  'active',
  'degraded',
  'failed',
  'deprovisioning',
  'deprovisioned',
] as const;
export type EstateStatus = (typeof ESTATE_STATUSES)[number];

export const ESTATE_TIERS = ['managed', 'self_managed'] as const;

export const EstateId = platformId('ESTATE');

export type CreateEstateInput = z.output<typeof CreateEstateBody>;

/** An estate as stored and as shown (the resource is a projection of it). */
export interface Estate {
  readonly id: string;
  readonly workspace_id: string;
  readonly subscription_id: string;
  readonly project_tags: readonly string[];
  readonly service_line_id: string | null;
  readonly name: string;
  readonly provider: Provider;
  readonly region: string;
  readonly tier: (typeof ESTATE_TIERS)[number];
  readonly status: EstateStatus;
  readonly status_reason: string | null;
  readonly config: {
    readonly vpc_cidr: string;
    readonly availability_zones: readonly string[];
  };
  readonly environment_count: number;
  readonly health_score: number | null;
  readonly created_at: string;
  readonly updated_at: string;
}

/** The zones an estate spreads over: the ones asked for, or the region's first three. */
export function defaultZones(input: CreateEstateInput): readonly string[] {
  return (
    input.config.availability_zones ?? zonesOf(input.provider, input.region).slice(0, 3)
  );
}

/** Builds a new estate from a validated request; it starts out provisioning. */
export function newEstate(id: string, input: CreateEstateInput, now: string): Estate {
  return {
    id,
    workspace_id: input.workspace_id,
    subscription_id: input.subscription_id,
    project_tags: input.project_tags,
    service_line_id: null,
    name: input.name,
    provider: input.provider,
    region: input.region,
    tier: input.tier,
    status: 'provisioning',
    status_reason: null,
    config: { vpc_cidr: input.config.vpc_cidr, availability_zones: defaultZones(input) },
    environment_count: 0,
    health_score: null,
    created_at: now,
    updated_at: now,
  };
}
