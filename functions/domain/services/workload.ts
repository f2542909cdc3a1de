import type { WorkloadConfig } from '../../drivers/driver.ts';
import type { ServiceHealth } from './service.ts';
import type { ServiceConfig } from './service-config.ts';

/**
 * The health of a service without a workload (still provisioning, or failed): there
 * is nothing to measure, so no score and status `unknown`.
 */
export const UNMEASURED_HEALTH: ServiceHealth = { score: null, status: 'unknown' };

/**
 * The health a running service has when its type gives no reading at creation:
 * databases, queues and functions report no probe, so once running they count as
 * healthy until the first reading (schedule or signal) says otherwise.
 */
export const UNPROBED_HEALTH = { score: 100, status: 'healthy' } as const;

/** A service's health as the API shows it: measured only while it runs. */
export const healthShown = (service: {
  readonly status: string;
  readonly health: ServiceHealth;
}): ServiceHealth => {
  const { health } = service;
  if (service.status !== 'running' || health.score === null) return UNMEASURED_HEALTH;
  return { score: health.score, status: health.status };
};

const SIZING = ['cpu', 'memory_mb', 'replicas', 'instances', 'storage_gb'] as const;

/** The sizing the driver meters and names by, taken from a service's config. */
export function toWorkloadConfig(config: ServiceConfig): WorkloadConfig {
  const source: Readonly<Record<string, unknown>> = config;
  const sizing: Record<string, number> = {};
  for (const field of SIZING) {
    const value = source[field];
    if (typeof value === 'number') sizing[field] = value;
  }
  return sizing;
}

/** The image a service runs, for the types that run one; null otherwise. */
export function imageOf(config: ServiceConfig): string | null {
  return 'image' in config && typeof config.image === 'string' ? config.image : null;
}
