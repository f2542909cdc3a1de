import { femtosToAmount } from '../../platform/money.ts';
import { readMonthTotals } from '../../store/cost-rollups.ts';
import type { CostSubject } from '../../store/keys.ts';
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

export interface Costed {
  readonly id: string;
  readonly estate_id: string;
}

/**
 * The UTC month to date of estates, environments or services, from their month
 * totals: one BatchGetItem for a whole page. The month is part of the total's key,
 * so a new month starts at zero without anything being reset.
 */
export async function monthToDate(
  kind: CostSubject['kind'],
  items: readonly Costed[],
  options: { forecast?: boolean; now?: Date } = {},
): Promise<Map<string, CostFields>> {
  const now = options.now ?? new Date();
  const totals = await readMonthTotals(
    monthOf(now),
    items.map((item) => ({ estateId: item.estate_id, subject: { kind, id: item.id } })),
  );
  return new Map(
    items.map((item) => {
      const mtd = totals.get(item.id) ?? 0n;
      const fields: CostFields = options.forecast
        ? {
            cost_mtd: femtosToAmount(mtd),
            cost_forecast: femtosToAmount(forecastFemtos(mtd, now)),
          }
        : { cost_mtd: femtosToAmount(mtd) };
      return [item.id, fields] as const;
    }),
  );
}

/** A resource with the month totals' cost fields in place of the stored ones. */
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
