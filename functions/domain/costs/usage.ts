import type * as z from 'zod/mini';
import type { Metric } from './metrics.ts';
import type { UsageRecordInput as UsageRecordSchema } from './usage-body.ts';

/**
 * The most records one POST /v1/infrastructure/usage takes: 400 records of ordinary
 * size stay under the 64 KB body limit every route has.
 */
export const MAX_USAGE_BATCH = 400;

/** One usage record as a caller sends it. */
export type UsageRecordInput = z.output<typeof UsageRecordSchema>;

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
