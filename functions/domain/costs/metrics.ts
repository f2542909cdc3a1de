import type { WorkloadType } from '../../drivers/driver.ts';

/** Every usage metric the platform meters, as the drivers report them. */
export const METRICS = [
  'vcpu_hours',
  'memory_gb_hours',
  'requests',
  'compute_gb_seconds',
  'instance_hours',
  'storage_gb_hours',
] as const;
export type Metric = (typeof METRICS)[number];

/** The unit one of each metric counts. */
export const UNITS: Readonly<Record<Metric, string>> = {
  vcpu_hours: 'vCPU-hour',
  memory_gb_hours: 'GB-hour',
  requests: 'request',
  compute_gb_seconds: 'GB-second',
  instance_hours: 'hour',
  storage_gb_hours: 'GB-hour',
};

/** The metrics a workload of each type is billed on. */
export const METRICS_BY_TYPE: Readonly<Record<WorkloadType, readonly Metric[]>> = {
  container_service: ['vcpu_hours', 'memory_gb_hours'],
  serverless_function: ['requests', 'compute_gb_seconds'],
  managed_database: ['instance_hours', 'storage_gb_hours'],
  message_queue: ['requests'],
};

export const isMetric = (value: string): value is Metric =>
  (METRICS as readonly string[]).includes(value);

/** Whether a workload of `type` is billed on `metric`. */
export const meters = (type: WorkloadType, metric: string): metric is Metric =>
  isMetric(metric) && METRICS_BY_TYPE[type].includes(metric);
