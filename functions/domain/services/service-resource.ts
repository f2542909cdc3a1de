import { CURRENCY, microsToAmount } from '../common.ts';
import type { Service } from './service.ts';
import type { ServiceResource } from './service-schema.ts';
import { healthShown } from './workload.ts';

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
    health: healthShown(service),
    current_image: service.current_image,
    created_at: service.created_at,
    updated_at: service.updated_at,
    config: service.config,
  };
}
