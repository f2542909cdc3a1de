import type { WorkloadType } from '../../drivers/driver.ts';
import { meterUsage } from '../../drivers/usage.ts';
import type { CreateEstateInput } from '../estates/estate.ts';
import type { ServiceConfig } from '../services/service-config.ts';
import { toWorkloadConfig } from '../services/workload.ts';

/** Hours in an average month, for a monthly usage estimate. */
export const HOURS_PER_MONTH = 730;

/**
 * The cost impact of a new service: its price-relevant sizing and the usage the
 * cloud would meter for it in a month. The price of that usage is unknown here: no
 * rate card is held by the API, so `monthly_cost` says so.
 */
export function serviceCostImpact(type: WorkloadType, config: ServiceConfig) {
  const sizing = toWorkloadConfig(config);
  return {
    monthly_cost: 'unknown',
    currency: 'USD',
    sizing: { type, ...sizing },
    monthly_usage: meterUsage(type, sizing, HOURS_PER_MONTH),
  };
}

/** Environments are logical: creating one provisions nothing and costs nothing. */
export const environmentCostImpact = () => ({
  monthly_cost: 0,
  currency: 'USD',
  sizing: null,
});

/** A deployment changes the image, not the sizing: no change in cost is expected. */
export const deploymentCostImpact = (replicas: number) => ({
  monthly_cost_change: 0,
  currency: 'USD',
  sizing: { replicas },
});

/** An estate's network is metered once provisioned; its price is unknown in advance. */
export const estateCostImpact = (input: CreateEstateInput, zones: number) => ({
  monthly_cost: 'unknown',
  currency: 'USD',
  sizing: { provider: input.provider, region: input.region, tier: input.tier, zones },
});
