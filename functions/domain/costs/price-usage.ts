import type { FieldError } from '../../platform/errors.ts';
import { costFemtos, toMicros } from '../../platform/money.ts';
import type { MeteringContext } from '../../store/usage-reads.ts';
import { meters, UNITS } from './metrics.ts';
import { unitPrice } from './price-book.ts';
import type { PricedUsage, UsageRecordInput } from './usage.ts';

/** How far back a record's time may lie: a year and a day (the dedup window is longer). */
export const MAX_RECORD_AGE_MS = 366 * 24 * 3_600_000;
/** How far ahead of the clock a record's time may lie, for clock skew. */
export const MAX_RECORD_LEAD_MS = 5 * 60_000;

export interface PricingResult {
  readonly priced: readonly (PricedUsage | undefined)[];
  readonly errors: readonly FieldError[];
}

const fieldError = (index: number, field: string, message: string, code: string) => ({
  field: `body.records.${index}.${field}`,
  message,
  code,
});

/**
 * Prices each record at its estate's price for the service's type and metric. A
 * record of a service the workspace does not own, of a metric the service is not
 * billed on, or too old or too far ahead becomes a field error naming its index.
 */
export function priceUsage(
  records: readonly UsageRecordInput[],
  workspaceId: string,
  context: MeteringContext,
  now: Date,
): PricingResult {
  const errors: FieldError[] = [];
  const priced = records.map((record, index) => {
    const service = context.services.get(record.service_id);
    const estate = service ? context.estates.get(service.estate_id) : undefined;
    if (!service || !estate || service.workspace_id !== workspaceId) {
      errors.push(
        fieldError(
          index,
          'service_id',
          `No service with id ${record.service_id} exists.`,
          'not_found',
        ),
      );
      return undefined;
    }
    if (!meters(service.type, record.metric)) {
      errors.push(
        fieldError(
          index,
          'metric',
          `A ${service.type} is not billed on ${record.metric}.`,
          'invalid_metric',
        ),
      );
      return undefined;
    }
    const time = Date.parse(record.time);
    if (
      time < now.getTime() - MAX_RECORD_AGE_MS ||
      time > now.getTime() + MAX_RECORD_LEAD_MS
    ) {
      errors.push(
        fieldError(
          index,
          'time',
          'time lies more than 366 days back or 5 minutes ahead.',
          'out_of_range',
        ),
      );
      return undefined;
    }
    const price =
      unitPrice(
        estate.provider,
        estate.region,
        service.type,
        record.metric,
        context.prices.get(estate.id),
      ) ?? 0n;
    const micros = toMicros(record.quantity);
    const instant = new Date(time).toISOString();
    return {
      record_id: record.record_id,
      workspace_id: workspaceId,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      environment_id: service.environment_id,
      service_id: service.id,
      // A service cannot outlive its environment, so the name is there; the ID
      // stands in only if the environment went between the two reads.
      environment_name:
        context.environmentNames.get(service.environment_id) ?? service.environment_id,
      service_name: service.name,
      metric: record.metric,
      unit: UNITS[record.metric],
      quantity: record.quantity,
      quantity_micros: micros,
      unit_price_nanos: price,
      cost_femtos: costFemtos(micros, price),
      time: instant,
      day: instant.slice(0, 10),
      month: instant.slice(0, 7),
      source: record.source,
    };
  });
  return { priced, errors };
}
