import type { WorkloadConfig } from '../../drivers/driver.ts';
import type { ServiceHealth } from './service.ts';
import type { ServiceConfig } from './service-config.ts';

/**
 * The health a service starts with when nothing can be read yet: databases, queues
 * and functions report no probe at creation, so they start healthy until the first
 * reading says otherwise.
 */
export const STARTING_HEALTH: ServiceHealth = { score: 100, status: 'healthy' };

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
