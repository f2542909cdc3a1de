import * as z from 'zod/mini';
import { ENVIRONMENT_TYPES } from '../../drivers/driver.ts';
import { CURRENCY } from '../common.ts';
import { MonthCost, Timestamp } from '../resource-fields.ts';
import { ENVIRONMENT_STATUSES } from './environment.ts';

// Documentation only: the OpenAPI document reads this schema; no function loads it,
// so none ships it.

/** The environment as the API shows it; toEnvironmentResource is typed against it. */
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
