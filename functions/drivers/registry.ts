import { PROVIDERS, type Provider } from '../domain/estates/regions.ts';
import { type Env, loadSimulatedConfig } from './config.ts';
import type { CloudDriver } from './driver.ts';
import { DriverConfigError } from './errors.ts';
import { createFaultInjector } from './failures.ts';
import { type Clock, createSimulatedDriver } from './simulated.ts';

/** The variable choosing each provider's driver: `simulated` (default) or the real one. */
export const DRIVER_VARIABLES: Readonly<Record<Provider, string>> = {
  aws: 'DRIVER_AWS',
  gcp: 'DRIVER_GCP',
  azure: 'DRIVER_AZURE',
};

/** Picks the driver of each provider; built once per process. */
export interface DriverRegistry {
  readonly driverFor: (provider: Provider) => CloudDriver;
}

/** Which implementation the environment asks for; only `simulated` is in this build. */
function checkChoice(env: Env, provider: Provider): void {
  const name = DRIVER_VARIABLES[provider];
  const choice = env[name]?.trim() || 'simulated';
  if (choice === 'simulated') return;
  if (choice === provider)
    throw new DriverConfigError(
      `${name}=${provider}: the real ${provider} driver is not available in this build ` +
        `(its SDK is not bundled). Unset ${name} or set it to simulated.`,
    );
  throw new DriverConfigError(
    `${name} must be simulated or ${provider}; got "${choice}".`,
  );
}

/**
 * Reads DRIVER_AWS, DRIVER_GCP, DRIVER_AZURE and the SIM_* variables and builds
 * every driver up front, so a misconfigured function fails as it starts rather than
 * in the middle of a workflow. The simulated drivers share one fault injector.
 * @throws DriverConfigError naming the variable that is wrong.
 */
export function createRegistry(env: Env, clock?: Clock): DriverRegistry {
  for (const provider of PROVIDERS) checkChoice(env, provider);
  const config = loadSimulatedConfig(env);
  const inject = createFaultInjector(config.failures);
  const drivers = Object.fromEntries(
    PROVIDERS.map((provider) => [
      provider,
      createSimulatedDriver(provider, { config, clock, inject }),
    ]),
  ) as Record<Provider, CloudDriver>;

  return { driverFor: (provider) => drivers[provider] };
}

// Built when the module loads, so a bad configuration fails the function's start.
const registry = createRegistry(process.env);

/** The driver configured for a provider in this process. */
export const driverFor = (provider: Provider): CloudDriver =>
  registry.driverFor(provider);
