import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { UsageRecordInput } from '../../functions/domain/costs/usage.ts';
import type { WorkloadType } from '../../functions/drivers/driver.ts';
import { documentClient } from '../../functions/store/client.ts';
import { allocateId } from '../../functions/store/ids.ts';
import * as keys from '../../functions/store/keys.ts';
import { tableName } from '../../functions/store/table.ts';

export interface SeededWorkload {
  readonly estate_id: string;
  readonly environment_id: string;
  readonly service_id: string;
}

const put = (item: Record<string, unknown>) =>
  documentClient.send(new PutCommand({ TableName: tableName(), Item: item }));

/**
 * Writes an environment of an estate straight into the table, as creating it would
 * leave it; `createdAt` lets a test pretend it has been there for a while.
 */
export async function seedEnvironment(
  estate: { id: string; workspace_id: string },
  name: string,
  createdAt = new Date().toISOString(),
): Promise<string> {
  const id = await allocateId('INFENV');
  await put({
    ...keys.environment(id),
    ...keys.environmentByEstate(estate.id, id),
    entity: 'environment',
    id,
    workspace_id: estate.workspace_id,
    estate_id: estate.id,
    name,
    type: ['production', 'staging', 'development'].includes(name) ? name : 'preview',
    status: 'active',
    service_count: 1,
    cost_mtd_micros: 0,
    config: { variables: {} },
    version: 1,
    created_at: createdAt,
    updated_at: createdAt,
  });
  return id;
}

/** Writes a running service of an environment straight into the table. */
export async function seedService(
  estate: { id: string; workspace_id: string },
  environmentId: string,
  options: { name?: string; type?: WorkloadType; createdAt?: string } = {},
): Promise<SeededWorkload> {
  const id = await allocateId('INFSVC');
  const now = options.createdAt ?? new Date().toISOString();
  const name = options.name ?? 'payments-api';
  await put({
    ...keys.service(id),
    ...keys.serviceByEnvironment(environmentId, id),
    entity: 'service',
    id,
    workspace_id: estate.workspace_id,
    estate_id: estate.id,
    environment_id: environmentId,
    name,
    type: options.type ?? 'container_service',
    status: 'running',
    provider_resource: `ecs/${name}`,
    current_image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
    health: { score: 100, status: 'healthy' },
    cost_mtd_micros: 0,
    config: {
      image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
      replicas: 2,
      cpu: 0.5,
      memory_mb: 1024,
    },
    version: 1,
    created_at: now,
    updated_at: now,
  });
  return { estate_id: estate.id, environment_id: environmentId, service_id: id };
}

/** A usage record body for a service, with overrides. */
export function usageRecord(
  serviceId: string,
  overrides: Partial<UsageRecordInput> = {},
): UsageRecordInput {
  return {
    record_id: `rec-${Math.random().toString(36).slice(2)}`,
    service_id: serviceId,
    metric: 'vcpu_hours' as const,
    quantity: 1,
    time: new Date(Date.now() - 60_000).toISOString(),
    source: 'test',
    ...overrides,
  };
}
