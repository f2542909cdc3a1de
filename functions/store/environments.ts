import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Environment,
  EnvironmentStatus,
} from '../domain/environments/environment.ts';
import type { EnvironmentType } from '../drivers/driver.ts';
import { documentClient } from './client.ts';
import { buildIndexQuery } from './filters.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryPage } from './page.ts';
import { tableName } from './table.ts';

/** Builds the Put of a new environment; it fails if the ID is already taken. */
export function buildPutEnvironment(environment: Environment) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.environment(environment.id),
      ...keys.environmentByEstate(environment.estate_id, environment.id),
      entity: 'environment',
      ...environment,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Reads one environment by ID, or undefined. */
export async function getEnvironment(
  environmentId: string,
): Promise<Environment | undefined> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.environment(environmentId) }),
  );
  return result.Item ? stripKeys<Environment>(result.Item) : undefined;
}

export interface EnvironmentFilter {
  readonly type?: EnvironmentType | undefined;
  readonly status?: EnvironmentStatus | undefined;
}

/** Builds the Query for an estate's environments in creation order, filtered. */
export const buildListEnvironments = (estateId: string, filter: EnvironmentFilter) =>
  buildIndexQuery(tableName(), keys.estateEnvironments(estateId), {
    type: filter.type,
    status: filter.status,
  });

/** Lists an estate's environments in creation order, one page at a time. */
export async function listEnvironments(
  estateId: string,
  filter: EnvironmentFilter,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<Environment>> {
  const input = {
    ...buildListEnvironments(estateId, filter),
    ExclusiveStartKey: startKey,
  };
  const page = await queryPage(input, limit, ['gsi1pk', 'gsi1sk']);
  return {
    items: page.items.map((item) => stripKeys<Environment>(item)),
    nextKey: page.nextKey,
  };
}

/** Adds up `service_count` over an estate's environments, reading only that attribute. */
export async function sumEnvironmentServices(estateId: string): Promise<number> {
  let total = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.estateEnvironments(estateId) },
        ProjectionExpression: 'service_count',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) total += Number(item.service_count ?? 0);
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return total;
}

/** The estate an environment belongs to, or undefined when there is no such environment. */
export async function getEnvironmentEstate(
  environmentId: string,
): Promise<string | undefined> {
  const result = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.environment(environmentId),
      ProjectionExpression: 'estate_id',
    }),
  );
  return typeof result.Item?.estate_id === 'string' ? result.Item.estate_id : undefined;
}
