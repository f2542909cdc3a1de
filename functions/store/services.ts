import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Service, ServiceStatus } from '../domain/services/service.ts';
import type { WorkloadType } from '../drivers/driver.ts';
import { documentClient } from './client.ts';
import { buildIndexQuery } from './filters.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryPage } from './page.ts';
import { tableName } from './table.ts';

/** Builds the Put of a new service; it fails if the ID is already taken. */
export function buildPutService(service: Service) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.service(service.id),
      ...keys.serviceByEnvironment(service.environment_id, service.id),
      entity: 'service',
      ...service,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Reads one service by ID, or undefined. */
export async function getService(serviceId: string): Promise<Service | undefined> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.service(serviceId) }),
  );
  return result.Item ? stripKeys<Service>(result.Item) : undefined;
}

/** Whether a service of the environment already holds a name. */
export async function isServiceNameTaken(
  environmentId: string,
  name: string,
): Promise<boolean> {
  const result = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.serviceName(environmentId, name),
      ProjectionExpression: 'pk',
    }),
  );
  return result.Item !== undefined;
}

export interface ServiceFilter {
  readonly type?: WorkloadType | undefined;
  readonly status?: ServiceStatus | undefined;
}

/** Builds the Query for an environment's services in creation order, filtered. */
export const buildListServices = (environmentId: string, filter: ServiceFilter) =>
  buildIndexQuery(tableName(), keys.environmentServices(environmentId), {
    type: filter.type,
    status: filter.status,
  });

/** Lists an environment's services in creation order, one page at a time. */
export async function listServices(
  environmentId: string,
  filter: ServiceFilter,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<Service>> {
  const input = {
    ...buildListServices(environmentId, filter),
    ExclusiveStartKey: startKey,
  };
  const page = await queryPage(input, limit, ['gsi1pk', 'gsi1sk']);
  return {
    items: page.items.map((item) => stripKeys<Service>(item)),
    nextKey: page.nextKey,
  };
}
