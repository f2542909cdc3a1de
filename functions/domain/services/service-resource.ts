import * as z from 'zod/mini';
import { WORKLOAD_TYPES } from '../../drivers/driver.ts';
import { CURRENCY, microsToAmount } from '../common.ts';
import { MonthCost, Timestamp } from '../fields.ts';
import { SERVICE_STATUSES, type Service } from './service.ts';
import { CONFIG_SCHEMAS } from './service-config.ts';

const HEALTH_STATUSES = ['healthy', 'degraded', 'unhealthy'] as const;

/** The service as the API shows it; the projection below is typed against it. */
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
      score: z.int().check(z.gte(0), z.lte(100)),
      status: z.enum(HEALTH_STATUSES),
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

/** The service as the API shows it: the spec's fields, in the spec's order, then ours. */
export function toServiceResource(service: Service): ServiceResource {
  return {
    id: service.id,
    environment_id: service.environment_id,
    estate_id: service.estate_id,
    name: service.name,
    type: service.type,
    status: service.status,
    status_reason: service.status_reason ?? null,
    provider_resource: service.provider_resource,
    cost_mtd: microsToAmount(service.cost_mtd_micros),
    currency: CURRENCY,
    health: { score: service.health.score, status: service.health.status },
    current_image: service.current_image,
    created_at: service.created_at,
    updated_at: service.updated_at,
    config: service.config,
  };
}
