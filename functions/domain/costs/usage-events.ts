import { femtosToNanos } from '../../platform/money.ts';
import { newEvent, type PlatformEvent } from '../events.ts';
import type { PricedUsage } from './usage.ts';

/**
 * `infrastructure.usage.metered`: one batch of an estate's usage records, for the
 * platform's Usage & Metering layer under the estate's service line. Costs are
 * nano-dollars as decimal strings, rounded half up, so no consumer meets a float.
 */
export function usageMeteredEvent(
  records: readonly PricedUsage[],
  now: Date,
): PlatformEvent {
  const first = records[0];
  if (!first) throw new RangeError('a metering event needs at least one record');
  const total = records.reduce((sum, record) => sum + record.cost_femtos, 0n);
  return newEvent(
    {
      type: 'infrastructure.usage.metered',
      workspace_id: first.workspace_id,
      estate_id: first.estate_id,
      service_line_id: first.service_line_id,
      subject_id: first.estate_id,
      data: {
        currency: 'USD',
        record_count: records.length,
        cost_nanos: femtosToNanos(total).toString(),
        records: records.map((record) => ({
          record_id: record.record_id,
          environment_id: record.environment_id,
          service_id: record.service_id,
          metric: record.metric,
          quantity: record.quantity,
          unit: record.unit,
          time: record.time,
          source: record.source,
          unit_price_nanos: record.unit_price_nanos.toString(),
          cost_nanos: femtosToNanos(record.cost_femtos).toString(),
        })),
      },
    },
    now.toISOString(),
  );
}
