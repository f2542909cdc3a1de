import type { WorkloadType } from '../../drivers/driver.ts';
import { divideHalfUp } from '../../platform/money.ts';
import type { Provider } from '../estates/regions.ts';
import {
  FALLBACK_BASIS_POINTS,
  LIST_PRICES,
  REGION_BASIS_POINTS,
} from './list-prices.ts';
import { METRICS_BY_TYPE, type Metric } from './metrics.ts';

/** An estate's own prices, `<service type>.<metric>` → nano-dollars per unit. */
export type PriceOverrides = Readonly<Record<string, string>>;

export const priceKey = (type: WorkloadType, metric: Metric) => `${type}.${metric}`;

/** The multiplier of a region, in basis points. */
export const regionBasisPoints = (provider: Provider, region: string): number =>
  REGION_BASIS_POINTS[provider][region] ?? FALLBACK_BASIS_POINTS;

/**
 * The list price of one unit in a region, in whole nano-dollars: the reference
 * price times the region's multiplier, rounded half up. Undefined when the type is
 * not billed on the metric.
 */
export function listPrice(
  provider: Provider,
  region: string,
  type: WorkloadType,
  metric: Metric,
): bigint | undefined {
  const base = LIST_PRICES[provider][priceKey(type, metric)];
  if (base === undefined) return undefined;
  return divideHalfUp(base * BigInt(regionBasisPoints(provider, region)), 10_000n);
}

/** The price an estate pays for one unit: its override, else the list price. */
export function unitPrice(
  provider: Provider,
  region: string,
  type: WorkloadType,
  metric: Metric,
  overrides: PriceOverrides = {},
): bigint | undefined {
  const override = overrides[priceKey(type, metric)];
  if (override !== undefined) return BigInt(override);
  return listPrice(provider, region, type, metric);
}

export interface PriceLine {
  readonly service_type: WorkloadType;
  readonly metric: Metric;
  readonly nanos: bigint;
  readonly source: 'list' | 'override';
}

/** Every price an estate pays, with where it comes from. */
export function priceSheet(
  provider: Provider,
  region: string,
  overrides: PriceOverrides,
): PriceLine[] {
  return Object.entries(METRICS_BY_TYPE).flatMap(([type, metrics]) =>
    metrics.map((metric) => {
      const serviceType = type as WorkloadType;
      const override = overrides[priceKey(serviceType, metric)];
      return {
        service_type: serviceType,
        metric,
        nanos:
          override !== undefined
            ? BigInt(override)
            : (listPrice(provider, region, serviceType, metric) ?? 0n),
        source: override !== undefined ? ('override' as const) : ('list' as const),
      };
    }),
  );
}
