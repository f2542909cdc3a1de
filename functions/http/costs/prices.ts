import * as z from 'zod/mini';
import { METRICS_BY_TYPE } from '../../domain/costs/metrics.ts';
import { type PriceLine, priceSheet } from '../../domain/costs/price-book.ts';
import { EstateId } from '../../domain/estates/estate.ts';

const KEYS = Object.entries(METRICS_BY_TYPE).flatMap(([type, metrics]) =>
  metrics.map((metric) => `${type}.${metric}`),
);

/** A price in US dollars per unit: a decimal string with at most nine decimals. */
const UsdPerUnit = z
  .string()
  .check(
    z.regex(
      /^\d{1,6}(\.\d{1,9})?$/,
      'Use dollars per unit with at most nine decimals, e.g. "0.04048".',
    ),
  );

export const PricesParams = z.object({ id: EstateId });

/** The body of PUT /v1/infrastructure/estates/{id}/prices: the full set of overrides. */
export const PutPricesBody = z.strictObject({
  prices: z.partialRecord(
    z.enum(KEYS, `Keys are <service type>.<metric>: ${KEYS.join(', ')}.`),
    UsdPerUnit,
  ),
});

/** "0.04048" → "40480000" nano-dollars. */
export function usdToNanos(usd: string): string {
  const [whole = '0', fraction = ''] = usd.split('.');
  return (BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0'))).toString();
}

const nanosToUsd = (nanos: bigint) => {
  const fraction = (nanos % 1_000_000_000n)
    .toString()
    .padStart(9, '0')
    .replace(/0+$/, '');
  return `${nanos / 1_000_000_000n}${fraction ? `.${fraction}` : ''}`;
};

const toLine = (line: PriceLine) => ({
  service_type: line.service_type,
  metric: line.metric,
  unit_price: nanosToUsd(line.nanos),
  source: line.source,
});

/** The prices an estate pays, as both price routes answer. */
export const pricesBody = (
  estate: { id: string; provider: 'aws' | 'gcp' | 'azure'; region: string },
  overrides: Readonly<Record<string, string>>,
) => ({
  data: {
    estate_id: estate.id,
    currency: 'USD' as const,
    prices: priceSheet(estate.provider, estate.region, overrides).map(toLine),
  },
});
