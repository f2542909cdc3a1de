import type { CloudDriver } from '../../drivers/driver.ts';
import { logger } from '../../platform/logger.ts';
import type { EstateItem } from '../../store/estates.ts';
import type { Service } from '../services/service.ts';
import { toWorkloadConfig } from '../services/workload.ts';
import { checkBudgets } from './check-budgets.ts';
import { ingestUsage } from './ingest-usage.ts';
import { meters } from './metrics.ts';
import { MAX_USAGE_BATCH, type UsageRecordInput } from './usage.ts';

const HOUR_MS = 3_600_000;

export interface CollectorDependencies {
  readonly driverFor: (provider: EstateItem['provider']) => CloudDriver;
  readonly listRunningEstates: () => Promise<EstateItem[]>;
  readonly listEstateServices: (estateId: string) => Promise<Service[]>;
}

export interface CollectionSummary {
  readonly hour: string;
  readonly estates: number;
  readonly records: number;
  readonly accepted: number;
  readonly failed_estates: readonly string[];
}

/** The last whole UTC hour before an instant, as [start, end). */
export function lastWholeHour(now: Date): [Date, Date] {
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return [new Date(end - HOUR_MS), new Date(end)];
}

/**
 * A service's usage over one hour as the driver meters it, as usage records whose
 * IDs are made of service, hour and metric: collecting the same hour again sends
 * the same IDs, which the ingestion counts once. A service created during the hour
 * is metered from its creation; one created later is left out.
 */
export async function serviceUsage(
  driver: CloudDriver,
  service: Service,
  hour: [Date, Date],
): Promise<UsageRecordInput[]> {
  const [start, end] = hour;
  const created = Date.parse(service.created_at);
  const providerResource = service.provider_resource;
  if (!providerResource || created >= end.getTime()) return [];
  const from = new Date(Math.max(start.getTime(), created)).toISOString();
  const report = await driver.collectUsage({
    serviceId: service.id,
    providerResource,
    type: service.type,
    config: toWorkloadConfig(service.config),
    from,
    to: end.toISOString(),
  });
  return report.records
    .filter((record) => meters(service.type, record.metric))
    .map((record) => ({
      record_id: `collector:${service.id}:${start.toISOString()}:${record.metric}`,
      service_id: service.id,
      metric: record.metric as UsageRecordInput['metric'],
      quantity: record.quantity,
      time: start.toISOString(),
      source: 'collector',
    }));
}

/**
 * Asks each running estate's driver for the usage of its running services over the
 * last whole hour and ingests it through the same path as POST /v1/infrastructure/usage.
 * One estate failing does not stop the others; it is logged and named in the summary.
 */
export async function collectUsage(
  now: Date,
  deps: CollectorDependencies,
): Promise<CollectionSummary> {
  const hour = lastWholeHour(now);
  const estates = await deps.listRunningEstates();
  const failed: string[] = [];
  let records = 0;
  let accepted = 0;
  for (const estate of estates) {
    try {
      const services = await deps.listEstateServices(estate.id);
      const driver = deps.driverFor(estate.provider);
      const usage = (
        await Promise.all(services.map((service) => serviceUsage(driver, service, hour)))
      ).flat();
      for (let start = 0; start < usage.length; start += MAX_USAGE_BATCH) {
        const batch = usage.slice(start, start + MAX_USAGE_BATCH);
        const result = await ingestUsage(estate.workspace_id, batch, { now });
        records += batch.length;
        accepted += result.accepted;
      }
      if (usage.length > 0) await checkBudgets([estate.id], now);
    } catch (error) {
      logger.error('usage collection failed', { estate_id: estate.id, error });
      failed.push(estate.id);
    }
  }
  return {
    hour: hour[0].toISOString(),
    estates: estates.length,
    records,
    accepted,
    failed_estates: failed,
  };
}
