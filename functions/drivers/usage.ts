import type { UsageRecord, WorkloadConfig, WorkloadType } from './driver.ts';

/** Sizes the simulated cloud assumes for fields a service's config leaves out. */
export const USAGE_DEFAULTS = {
  cpu: 0.5,
  memory_mb: 1024,
  replicas: 2,
  instances: 1,
  storage_gb: 20,
  requests_per_hour: 3600,
  duration_ms: 100,
} as const satisfies Required<WorkloadConfig>;

const HOUR_MS = 3_600_000;

/** Hours between two ISO instants. @throws RangeError if unparsable or reversed. */
export function intervalHours(from: string, to: string): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end))
    throw new RangeError(`The interval ${from} – ${to} is not two ISO 8601 instants.`);
  if (end < start)
    throw new RangeError(`The interval ${from} – ${to} ends before it starts.`);
  return (end - start) / HOUR_MS;
}

const round = (value: number) => Math.round(value * 1_000_000) / 1_000_000;
const record = (metric: string, quantity: number, unit: string): UsageRecord => ({
  metric,
  quantity: round(quantity),
  unit,
});

type Meter = (size: Required<WorkloadConfig>, hours: number) => UsageRecord[];

const METERS: Readonly<Record<WorkloadType, Meter>> = {
  container_service: (size, hours) => [
    record('vcpu_hours', size.cpu * size.replicas * hours, 'vCPU-hour'),
    record('memory_gb_hours', (size.memory_mb / 1024) * size.replicas * hours, 'GB-hour'),
  ],
  serverless_function: (size, hours) => {
    const requests = Math.floor(size.requests_per_hour * hours);
    const seconds = (requests * size.duration_ms) / 1000;
    return [
      record('requests', requests, 'request'),
      record('compute_gb_seconds', seconds * (size.memory_mb / 1024), 'GB-second'),
    ];
  },
  managed_database: (size, hours) => [
    record('instance_hours', size.instances * hours, 'hour'),
    record('storage_gb_hours', size.storage_gb * hours, 'GB-hour'),
  ],
  message_queue: (size, hours) => [
    record('requests', Math.floor(size.requests_per_hour * hours), 'request'),
  ],
};

/**
 * What a workload of this type and size consumes over `hours`, as the simulated
 * cloud meters it; the formulas are listed in docs/drivers.md. Quantities are
 * rounded to six decimals and requests to whole requests.
 */
export function meterUsage(
  type: WorkloadType,
  config: WorkloadConfig,
  hours: number,
): UsageRecord[] {
  return METERS[type](withDefaults(config), hours);
}

function withDefaults(config: WorkloadConfig): Required<WorkloadConfig> {
  const keys = Object.keys(USAGE_DEFAULTS) as (keyof WorkloadConfig)[];
  return Object.fromEntries(
    keys.map((key) => [key, config[key] ?? USAGE_DEFAULTS[key]]),
  ) as Required<WorkloadConfig>;
}
