import type { EstateItem } from '../../store/estates.ts';

export const CURRENCY = 'USD';

/** The estate as the API shows it: the spec's fields, in the spec's order, then ours. */
export function toEstateResource(estate: EstateItem) {
  return {
    id: estate.id,
    workspace_id: estate.workspace_id,
    service_line_id: estate.service_line_id,
    name: estate.name,
    provider: estate.provider,
    region: estate.region,
    status: estate.status,
    environment_count: estate.environment_count,
    cost_mtd: Math.round((estate.cost_mtd_micros ?? 0) / 10_000) / 100,
    // Handlers that read the month totals replace both (functions/domain/costs).
    cost_forecast: Math.round((estate.cost_mtd_micros ?? 0) / 10_000) / 100,
    currency: CURRENCY,
    health_score: estate.health_score,
    created_at: estate.created_at,
    updated_at: estate.updated_at,
    subscription_id: estate.subscription_id,
    project_tags: estate.project_tags,
    tier: estate.tier,
    status_reason: estate.status_reason,
    config: estate.config,
  };
}

export type EstateResource = ReturnType<typeof toEstateResource>;
