import * as z from 'zod/mini';
import { hasAtMostSixDecimals, MAX_QUANTITY } from '../../platform/money.ts';
import { ServiceId } from '../services/service.ts';
import { METRICS } from './metrics.ts';
import { MAX_USAGE_BATCH } from './usage.ts';

// Apart from usage.ts, whose limit and types the hourly collector shares: only the
// ingest route needs the body schema.

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

/** The body of POST /v1/infrastructure/usage. */
export const IngestUsageBody = z.strictObject({
  records: z
    .array(UsageRecordInput)
    .check(
      z.minLength(1, 'Send at least one record.'),
      z.maxLength(MAX_USAGE_BATCH, `Send at most ${MAX_USAGE_BATCH} records at once.`),
    ),
});
