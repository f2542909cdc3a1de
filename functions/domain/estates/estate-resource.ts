import type { EstateItem } from '../../store/estates.ts';
import { CURRENCY, microsToAmount } from '../common.ts';
import type { EstateResource } from './estate-schema.ts';

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
