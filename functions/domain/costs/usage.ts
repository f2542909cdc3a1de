import * as z from 'zod/mini';
import { hasAtMostSixDecimals, MAX_QUANTITY } from '../../platform/money.ts';
import { ServiceId } from '../services/service.ts';
import { METRICS, type Metric } from './metrics.ts';

/**
 * The most records one POST /v1/infrastructure/usage takes: 400 records of ordinary
 * size stay under the 64 KB body limit every route has.
 */
export const MAX_USAGE_BATCH = 400;

/** A caller's record ID: what makes a re-sent record recognisable. */
export const RecordId = z
  .string()
  .check(
    z.regex(
      /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/,
      'Use 1–128 letters, digits and . _ : / -, starting with a letter or digit.',
    ),
  );

export const UsageRecordInput = z.strictObject({
  record_id: RecordId,
  service_id: ServiceId,
  metric: z.enum(METRICS, `metric is one of ${METRICS.join(', ')}.`),
  quantity: z
    .number()
    .check(
      z.gte(0, 'quantity cannot be negative.'),
      z.lte(MAX_QUANTITY, `quantity is at most ${MAX_QUANTITY}.`),
      z.refine(hasAtMostSixDecimals, 'quantity has at most six decimals.'),
    ),
  time: z.iso.datetime({
    message: 'time is an ISO 8601 UTC instant, e.g. 2026-04-15T10:00:00Z.',
  }),
  source: z
    .string()
    .check(
      z.regex(
        /^[a-z][a-z0-9_.-]{0,63}$/,
        'source is a short lower-case name, e.g. collector.',
      ),
    ),
});
export type UsageRecordInput = z.output<typeof UsageRecordInput>;

/** The body of POST /v1/infrastructure/usage. */
export const IngestUsageBody = z.strictObject({
  records: z
    .array(UsageRecordInput)
    .check(
      z.minLength(1, 'Send at least one record.'),
      z.maxLength(MAX_USAGE_BATCH, `Send at most ${MAX_USAGE_BATCH} records at once.`),
    ),
});

/** A usage record with everything its cost depends on, ready to be written. */
export interface PricedUsage {
  readonly record_id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly service_line_id: string | null;
  readonly environment_id: string;
  readonly service_id: string;
  /** The environment's and service's names when the usage was priced: cost report labels. */
  readonly environment_name: string;
  readonly service_name: string;
  readonly metric: Metric;
  readonly unit: string;
  readonly quantity: number;
  readonly quantity_micros: bigint;
  readonly unit_price_nanos: bigint;
  readonly cost_femtos: bigint;
  readonly time: string;
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** UTC month, YYYY-MM. */
  readonly month: string;
  readonly source: string;
}

/** How one record of a batch fared. */
export type RecordOutcome = 'accepted' | 'duplicate';
