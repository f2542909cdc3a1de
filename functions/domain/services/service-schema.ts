import * as z from 'zod/mini';
import { WORKLOAD_TYPES } from '../../drivers/driver.ts';
import { CURRENCY } from '../common.ts';
import { MonthCost, Timestamp } from '../resource-fields.ts';
import { SERVICE_STATUSES } from './service.ts';
import { CONFIG_SCHEMAS } from './service-config.ts';

// Documentation only: the OpenAPI document reads this schema; no function loads it,
// so none ships it.

const HEALTH_STATUSES = ['healthy', 'degraded', 'unhealthy', 'unknown'] as const;

/** The service as the API shows it; toServiceResource is typed against it. */
export const ServiceResource = z
  .object({
    id: z.string(),
    environment_id: z.string(),
    estate_id: z.string(),
    name: z.string(),
    type: z.enum(WORKLOAD_TYPES),
    status: z.enum(SERVICE_STATUSES),
    status_reason: z.nullable(z.string()),
    provider_resource: z.nullable(z.string()),
    cost_mtd: MonthCost.cost_mtd,
    currency: z.literal(CURRENCY),
    health: z.object({
      score: z.nullable(z.int().check(z.gte(0), z.lte(100))).check(
        z.meta({
          description:
            'Null while the service has no workload to measure (provisioning or failed).',
        }),
      ),
      status: z
        .enum(HEALTH_STATUSES)
        .check(z.meta({ description: '`unknown` exactly when score is null.' })),
    }),
    current_image: z.nullable(z.string()),
    created_at: Timestamp,
    updated_at: Timestamp,
    config: z
      .union(Object.values(CONFIG_SCHEMAS))
      .check(
        z.meta({ description: "The config of the service's type, defaults filled in." }),
      ),
  })
  .check(z.meta({ id: 'Service' }));

export type ServiceResource = z.output<typeof ServiceResource>;
