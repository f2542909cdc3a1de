import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { newEstate } from '../../functions/domain/estates/estate.ts';
import { CreateEstateBody } from '../../functions/domain/estates/estate-body.ts';
import { driverFor } from '../../functions/drivers/registry.ts';
import { documentClient } from '../../functions/store/client.ts';
import { buildPutEstate } from '../../functions/store/estates.ts';
import { allocateId } from '../../functions/store/ids.ts';
import * as keys from '../../functions/store/keys.ts';
import { tableName } from '../../functions/store/table.ts';
import { estateBody } from './factories.ts';

/** Writes an active estate straight into the table, as provisioning would leave it. */
export async function seedActiveEstate(overrides: Record<string, unknown> = {}) {
  const id = await allocateId('ESTATE');
  const now = new Date().toISOString();
  const estate = {
    ...newEstate(id, CreateEstateBody.parse(estateBody(overrides)), now),
    status: 'active' as const,
    service_line_id: await allocateId('LIN'),
    health_score: null,
    version: 1,
    cost_mtd_micros: 0,
  };
  await documentClient.send(new PutCommand(buildPutEstate(estate)));
  return estate;
}

export interface SeededService {
  readonly id: string;
  readonly environment_id: string;
  readonly estate_id: string;
  readonly provider_resource: string;
}

/**
 * Writes an environment and a running container service straight into the table,
 * with a workload the simulated driver created, for tests of what comes after.
 */
export async function seedContainerService(
  estate: { id: string; workspace_id: string },
  options: { image?: string; replicas?: number; name?: string } = {},
): Promise<SeededService> {
  const environmentId = await allocateId('INFENV');
  const serviceId = await allocateId('INFSVC');
  const now = new Date().toISOString();
  const name = options.name ?? 'payments-api';
  const { providerResource } = await driverFor('aws').createWorkload({
    serviceId,
    serviceName: name,
    environmentName: 'production',
    environmentType: 'production',
    type: 'container_service',
    config: { replicas: options.replicas ?? 2, cpu: 0.5, memory_mb: 1024 },
  });
  await seedEnvironment(estate, { id: environmentId, serviceCount: 1 });
  const image = options.image ?? 'ghcr.io/apex-digital/payments-api:v2.4.0';
  await put({
    ...keys.service(serviceId),
    ...keys.serviceByEnvironment(environmentId, serviceId),
    entity: 'service',
    id: serviceId,
    environment_id: environmentId,
    estate_id: estate.id,
    workspace_id: estate.workspace_id,
    name,
    type: 'container_service',
    status: 'running',
    provider_resource: providerResource,
    current_image: image,
    health: { score: 100, status: 'healthy' },
    cost_mtd_micros: 0,
    version: 1,
    config: { image, replicas: options.replicas ?? 2, cpu: 0.5, memory_mb: 1024 },
    created_at: now,
    updated_at: now,
  });
  return {
    id: serviceId,
    environment_id: environmentId,
    estate_id: estate.id,
    provider_resource: providerResource,
  };
}

/** Writes an active environment straight into the table, named and typed production. */
export async function seedEnvironment(
  estate: { id: string; workspace_id: string },
  options: { id?: string; serviceCount?: number } = {},
) {
  const id = options.id ?? (await allocateId('INFENV'));
  const now = new Date().toISOString();
  const environment = {
    id,
    estate_id: estate.id,
    workspace_id: estate.workspace_id,
    version: 1,
    cost_mtd_micros: 0,
    config: { variables: {} },
    name: 'production',
    type: 'production' as const,
    status: 'active' as const,
    service_count: options.serviceCount ?? 0,
    created_at: now,
    updated_at: now,
  };
  await put({
    ...keys.environment(id),
    ...keys.environmentByEstate(estate.id, id),
    entity: 'environment',
    ...environment,
  });
  return environment;
}

async function put(item: Record<string, unknown>) {
  await documentClient.send(new PutCommand({ TableName: tableName(), Item: item }));
}
