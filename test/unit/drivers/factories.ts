import type {
  CollectUsageInput,
  CreateWorkloadInput,
  ProvisionNetworkInput,
  RollBatchInput,
} from '../../../functions/drivers/driver.ts';

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
