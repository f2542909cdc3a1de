import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Service } from '../domain/services/service.ts';
import { documentClient } from './client.ts';
import { ESTATE_SHARDS } from './estate-shards.ts';
import type { EstateItem } from './estates.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({ ...input, ExclusiveStartKey: startKey }),
    );
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Builds the Query of one shard of the estate directory, running estates only. */
export const buildQueryRunningEstates = (shard: number) => ({
  TableName: tableName(),
  IndexName: 'gsi2',
  KeyConditionExpression: 'gsi2pk = :pk',
  FilterExpression: '#status IN (:active, :degraded)',
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: {
    ':pk': keys.estateDirectoryShard(shard),
    ':active': 'active',
    ':degraded': 'degraded',
  },
});

/** Every active or degraded estate: one Query per directory shard, no Scan. */
export async function listRunningEstates(): Promise<EstateItem[]> {
  const shards = Array.from({ length: ESTATE_SHARDS }, (_, shard) => shard);
  const pages = await Promise.all(
    shards.map((shard) => queryAll(buildQueryRunningEstates(shard))),
  );
  return pages.flat().map((item) => stripKeys<EstateItem>(item));
}

/** Every service of an estate: its environments (gsi1), then each one's services (gsi1). */
export async function listEstateServices(estateId: string): Promise<Service[]> {
  const environments = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.estateEnvironments(estateId) },
    ProjectionExpression: 'id',
  });
  const services = await Promise.all(
    environments.map((environment) =>
      queryAll({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: {
          ':pk': keys.environmentServices(String(environment.id)),
        },
      }),
    ),
  );
  return services.flat().map((item) => stripKeys<Service>(item));
}
