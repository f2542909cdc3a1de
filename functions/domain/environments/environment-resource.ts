import * as z from 'zod/mini';
import { ENVIRONMENT_TYPES } from '../../drivers/driver.ts';
import { CURRENCY, microsToAmount } from '../common.ts';
import { MonthCost, Timestamp } from '../fields.ts';
import { ENVIRONMENT_STATUSES, type Environment } from './environment.ts';

/** The environment as the API shows it; the projection below is typed against it. */
export const EnvironmentResource = z
  .object({
    id: z.string(),
    estate_id: z.string(),
    name: z.string(),
    type: z.enum(ENVIRONMENT_TYPES),
    status: z.enum(ENVIRONMENT_STATUSES),
    service_count: z.int().check(z.gte(0)),
    ...MonthCost,
    currency: z.literal(CURRENCY),
    created_at: Timestamp,
    updated_at: Timestamp,
    config: z.object({ variables: z.record(z.string(), z.string()) }),
  })
  .check(z.meta({ id: 'Environment' }));

export type EnvironmentResource = z.output<typeof EnvironmentResource>;

/** The environment as the API shows it: the spec's fields, in the spec's order, then ours. */
export function toEnvironmentResource(environment: Environment): EnvironmentResource {
  return {
    id: environment.id,
    estate_id: environment.estate_id,
    name: environment.name,
    type: environment.type,
    status: environment.status,
    service_count: environment.service_count,
    cost_mtd: microsToAmount(environment.cost_mtd_micros),
    // Handlers that read the month totals replace both (functions/domain/costs).
    cost_forecast: microsToAmount(environment.cost_mtd_micros),
    currency: CURRENCY,
    created_at: environment.created_at,
    updated_at: environment.updated_at,
    config: environment.config,
  };
}
