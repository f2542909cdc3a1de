import type { Provider } from '../domain/estates/regions.ts';
import type { SimulatedConfig } from './config.ts';
import type { CloudDriver } from './driver.ts';
import { createFaultInjector, type FaultInjector } from './failures.ts';
import type { Clock } from './simulated-context.ts';
import { simulatedNetworks } from './simulated-network.ts';
import { simulatedWorkloads } from './simulated-workloads.ts';

export type { Clock } from './simulated-context.ts';

export interface SimulatedDriverOptions {
  readonly config: SimulatedConfig;
  /** @default Date.now */
  readonly clock?: Clock;
  /** @default an injector applying `config.failures`, counting attempts in this process */
  readonly inject?: FaultInjector;
}

/**
 * A cloud that answers like the real ones but runs nothing: deterministic (no
 * randomness; names and IDs are digests of the input, times come from the clock
 * and the configured durations), with failures injected on request. It keeps no
 * state between calls apart from the per-process attempt counts of transient
 * failure injection, so any process can continue an operation another started.
 */
export function createSimulatedDriver(
  provider: Provider,
  options: SimulatedDriverOptions,
): CloudDriver {
  const context = {
    provider,
    config: options.config,
    clock: options.clock ?? Date.now,
    inject: options.inject ?? createFaultInjector(options.config.failures),
  };

  return {
    provider,
    implementation: 'simulated',
    ...simulatedNetworks(context),
    ...simulatedWorkloads(context),
  };
}
