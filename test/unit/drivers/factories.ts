import type { Provider } from '../../../functions/domain/estates/regions.ts';
import {
  loadSimulatedConfig,
  type SimulatedConfig,
} from '../../../functions/drivers/config.ts';
import type {
  CollectUsageInput,
  CreateWorkloadInput,
  ProvisionNetworkInput,
  RollBatchInput,
} from '../../../functions/drivers/driver.ts';
import { parseFailures } from '../../../functions/drivers/failures.ts';
import { createSimulatedDriver } from '../../../functions/drivers/simulated.ts';

/** A network request for a three-zone AWS estate. */
export const aNetwork = (
  overrides: Partial<ProvisionNetworkInput> = {},
): ProvisionNetworkInput => ({
  estateId: 'ESTATE-26-000004',
  estateName: 'Payments Platform Infrastructure',
  provider: 'aws',
  region: 'eu-west-1',
  vpcCidr: '10.0.0.0/16',
  zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  ...overrides,
});

/** The payments-api container service in production. */
export const aWorkload = (
  overrides: Partial<CreateWorkloadInput> = {},
): CreateWorkloadInput => ({
  serviceId: 'INFSVC-26-000041',
  serviceName: 'payments-api',
  environmentName: 'production',
  environmentType: 'production',
  type: 'container_service',
  config: { cpu: 1, memory_mb: 2048, replicas: 3 },
  ...overrides,
});

/** The first of three batches of a six-replica rolling deployment. */
export const aBatch = (overrides: Partial<RollBatchInput> = {}): RollBatchInput => ({
  deploymentId: 'DEPLOY-26-001221',
  providerResource: 'ecs/payments-api-prod',
  image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
  batchIndex: 0,
  batchCount: 3,
  replicas: 6,
  ...overrides,
});

/** A day of usage of the payments-api container service. */
export const aUsageRequest = (
  overrides: Partial<CollectUsageInput> = {},
): CollectUsageInput => ({
  serviceId: 'INFSVC-26-000041',
  providerResource: 'ecs/payments-api-prod',
  type: 'container_service',
  config: { cpu: 1, memory_mb: 2048, replicas: 3 },
  from: '2026-04-01T00:00:00Z',
  to: '2026-04-02T00:00:00Z',
  ...overrides,
});

/** Settings for a simulated cloud: the defaults, with overrides. */
export const aSimulatedConfig = (
  overrides: Partial<SimulatedConfig> = {},
): SimulatedConfig => ({ ...loadSimulatedConfig({}), ...overrides });

/** A clock that stands still until a test moves it. */
export function aClock(start = '2026-04-15T10:30:00.000Z') {
  let now = Date.parse(start);
  return {
    now: () => now,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

/** A simulated driver on a test clock, with optional SIM_FAILURES entries. */
export function aSimulatedDriver(
  provider: Provider = 'aws',
  overrides: Omit<Partial<SimulatedConfig>, 'failures'> & {
    readonly failures?: string;
  } = {},
) {
  const clock = aClock();
  const { failures = '', ...settings } = overrides;
  const config = aSimulatedConfig({ ...settings, failures: parseFailures(failures) });
  const driver = createSimulatedDriver(provider, { config, clock: clock.now });
  return { driver, clock };
}
