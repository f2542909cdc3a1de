import type { Provider } from '../domain/estates/regions.ts';
import type { SimulatedConfig } from './config.ts';
import type { WorkloadType } from './driver.ts';
import { PermanentDriverError } from './errors.ts';
import type { FaultInjector } from './failures.ts';
import { workloadTypeOf } from './names.ts';

/** Milliseconds since the epoch; injected so tests can move time. */
export type Clock = () => number;

/** What every simulated operation shares: provider, configuration, clock, faults. */
export interface SimulatedContext {
  readonly provider: Provider;
  readonly config: SimulatedConfig;
  readonly clock: Clock;
  readonly inject: FaultInjector;
}

/** The ISO instant `seconds` (scaled by SIM_TIME_SCALE) from now. */
export const after = ({ clock, config }: SimulatedContext, seconds: number): string =>
  new Date(clock() + seconds * 1000 * config.timeScale).toISOString();

/** Whether the clock has reached an ISO instant a handle carries. */
export function hasPassed({ clock }: SimulatedContext, readyAt: string): boolean {
  const instant = Date.parse(readyAt);
  if (Number.isNaN(instant))
    throw refuse(`readyAt ${readyAt} is not an instant.`, readyAt);
  return clock() >= instant;
}

/** The workload type behind a resource name of this provider; refuses any other. */
export function typeOf({ provider }: SimulatedContext, resource: string): WorkloadType {
  const type = workloadTypeOf(provider, resource);
  if (!type) throw refuse(`${resource} is not a ${provider} workload.`, provider);
  return type;
}

/** A PermanentDriverError for input the cloud would refuse. */
export const refuse = (message: string, cause: unknown) =>
  new PermanentDriverError(message, { cause });

/** Runs a pure step, turning the RangeError of bad input into a PermanentDriverError. */
export function permanent<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw refuse(error.message, error);
  }
}
