import { CURRENCY, microsToAmount } from '../common.ts';
import type { Environment } from './environment.ts';
import type { EnvironmentResource } from './environment-schema.ts';

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
