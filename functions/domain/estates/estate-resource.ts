import * as z from 'zod/mini';
import type { EstateItem } from '../../store/estates.ts';
import { CURRENCY, microsToAmount } from '../common.ts';
import { MonthCost, Timestamp } from '../fields.ts';
import { ESTATE_STATUSES, ESTATE_TIERS } from './estate.ts';
import { PROVIDERS } from './regions.ts';

/** The estate as the API shows it; the projection below is typed against it. */
export const EstateResource = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    service_line_id: z.nullable(z.string()),
    name: z.string(),
    provider: z.enum(PROVIDERS),
    region: z.string(),
    status: z.enum(ESTATE_STATUSES),
    environment_count: z.int().check(z.gte(0)),
    ...MonthCost,
    currency: z.literal(CURRENCY),
    health_score: z.nullable(z.int().check(z.gte(0), z.lte(100))),
    created_at: Timestamp,
    updated_at: Timestamp,
    subscription_id: z.string(),
    project_tags: z.array(z.string()),
    tier: z.enum(ESTATE_TIERS),
    status_reason: z.nullable(z.string()),
    config: z.object({
      vpc_cidr: z.string(),
      availability_zones: z.array(z.string()),
    }),
  })
  .check(z.meta({ id: 'Estate' }));

export type EstateResource = z.output<typeof EstateResource>;

/** The estate as the API shows it: the spec's fields, in the spec's order, then ours. */
export function toEstateResource(estate: EstateItem): EstateResource {
  return {
    id: estate.id,
    workspace_id: estate.workspace_id,
    service_line_id: estate.service_line_id,
    name: estate.name,
    provider: estate.provider,
    region: estate.region,
    status: estate.status,
    environment_count: estate.environment_count,
    cost_mtd: microsToAmount(estate.cost_mtd_micros),
    // Handlers that read the month totals replace both (functions/domain/costs).
    cost_forecast: microsToAmount(estate.cost_mtd_micros),
    currency: CURRENCY,
    health_score: estate.health_score,
    created_at: estate.created_at,
    updated_at: estate.updated_at,
    subscription_id: estate.subscription_id,
    project_tags: [...estate.project_tags],
    tier: estate.tier,
    status_reason: estate.status_reason,
    config: {
      vpc_cidr: estate.config.vpc_cidr,
      availability_zones: [...estate.config.availability_zones],
    },
  };
}
