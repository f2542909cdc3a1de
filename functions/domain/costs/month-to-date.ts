import { femtosToAmount } from '../../platform/money.ts';
import { monthCostOf } from '../../store/month-costs.ts';
import { monthOf } from './dates.ts';

/** The forecast treats at least this much of the month as gone, so hour one is not ×720. */
export const MIN_FORECAST_ELAPSED_MS = 3_600_000;

/** The UTC month an instant falls in, as [start, end) in epoch ms. */
export function monthBounds(now: Date): [number, number] {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return [start, end];
}

/**
 * A linear month-end forecast: the month to date spread over the share of the month
 * gone so far, `mtd × month length ÷ time elapsed` (elapsed at least an hour), in
 * exact integer arithmetic.
 */
export function forecastFemtos(mtd: bigint, now: Date): bigint {
  const [start, end] = monthBounds(now);
  const elapsed = Math.max(now.getTime() - start, MIN_FORECAST_ELAPSED_MS);
  return (mtd * BigInt(end - start)) / BigInt(Math.min(elapsed, end - start));
}

export interface CostFields {
  readonly cost_mtd: number;
  readonly cost_forecast?: number;
}

/**
 * The UTC month to date of an estate, environment or service, from its own item as
 * read: the attribute of the current month (absent is zero), so showing the cost
 * costs no read of its own, and a new month starts at zero without any reset. The
 * forecast of a deprovisioned estate is its month to date.
 */
export function costFieldsOf(
  item: object,
  options: { forecast?: boolean; now?: Date } = {},
): CostFields {
  const now = options.now ?? new Date();
  const mtd = monthCostOf(item, monthOf(now));
  if (!options.forecast) return { cost_mtd: femtosToAmount(mtd) };
  // Nothing runs in a deprovisioned estate, so its month ends at what it has spent.
  const ended = (item as { status?: unknown }).status === 'deprovisioned';
  return {
    cost_mtd: femtosToAmount(mtd),
    cost_forecast: femtosToAmount(ended ? mtd : forecastFemtos(mtd, now)),
  };
}

/** A resource with the month-to-date cost fields in place of the stored ones. */
export function withCost<R extends { cost_mtd: number }>(
  resource: R,
  cost: CostFields | undefined,
): R {
  if (!cost) return resource;
  const entries = Object.entries(resource).flatMap(([key, value]) => {
    if (key === 'cost_forecast') return [];
    if (key !== 'cost_mtd') return [[key, value]];
    return cost.cost_forecast === undefined
      ? [['cost_mtd', cost.cost_mtd]]
      : [
          ['cost_mtd', cost.cost_mtd],
          ['cost_forecast', cost.cost_forecast],
        ];
  });
  return Object.fromEntries(entries) as R;
}
