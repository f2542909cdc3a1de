import * as z from 'zod/mini';
import { CURRENCY } from '../common.ts';
import { MonthCost, Timestamp } from '../resource-fields.ts';
import { ESTATE_STATUSES, ESTATE_TIERS } from './estate.ts';
import { PROVIDERS } from './regions.ts';

// Documentation only: the OpenAPI document reads this schema; no function loads it,
// so none ships it.

/** The estate as the API shows it; toEstateResource is typed against it. */
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
