import { DriverConfigError } from './errors.ts';
import { type FailureRule, parseFailures } from './failures.ts';

/** The environment as drivers read it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** How the simulated cloud behaves; built once at start-up from the environment. */
export interface SimulatedConfig {
  /** Multiplies every duration; `SIM_TIME_SCALE`, @default 1. */
  readonly timeScale: number;
  /** Fixed part of network provisioning; `SIM_NETWORK_SECONDS`, @default 6. */
  readonly networkSeconds: number;
  /** Added per zone; `SIM_NETWORK_ZONE_SECONDS`, @default 2 (so 8 s to 18 s). */
  readonly networkZoneSeconds: number;
  /** Network deletion; `SIM_DEPROVISION_SECONDS`, @default 5. */
  readonly deprovisionSeconds: number;
  /** One batch of a rolling deployment; `SIM_BATCH_SECONDS`, @default 3. */
  readonly batchSeconds: number;
  /** Injected failures; `SIM_FAILURES`, @default none. */
  readonly failures: readonly FailureRule[];
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A non-negative decimal from the environment, or its default when unset or empty. */
function decimal(env: Env, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  if (!DECIMAL.test(text))
    throw new DriverConfigError(
      `${name} must be a decimal number such as 1 or 0.01; got "${text}".`,
    );
  return Number(text);
}

/**
 * Reads and validates the simulated driver's environment.
 * @throws DriverConfigError naming the variable and the value it refused.
 */
export function loadSimulatedConfig(env: Env): SimulatedConfig {
  const timeScale = decimal(env, 'SIM_TIME_SCALE', 1);
  if (timeScale === 0)
    throw new DriverConfigError('SIM_TIME_SCALE must be greater than 0.');

  return {
    timeScale,
    networkSeconds: decimal(env, 'SIM_NETWORK_SECONDS', 6),
    networkZoneSeconds: decimal(env, 'SIM_NETWORK_ZONE_SECONDS', 2),
    deprovisionSeconds: decimal(env, 'SIM_DEPROVISION_SECONDS', 5),
    batchSeconds: decimal(env, 'SIM_BATCH_SECONDS', 3),
    failures: parseFailures(env.SIM_FAILURES ?? ''),
  };
}
