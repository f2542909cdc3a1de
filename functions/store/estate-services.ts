import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Environment } from '../domain/environments/environment.ts';
import type { Service } from '../domain/services/service.ts';
import { documentClient } from './client.ts';
import { stripKeys } from './items.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

async function queryAll<T>(partition: string): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? []) items.push(stripKeys<T>(item));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export interface EnvironmentServices {
  readonly environment: Environment;
  readonly services: readonly Service[];
}

/**
 * Every environment of an estate with its services: one gsi1 Query for the
 * environments, then one per environment for its services. No Scan.
 */
export async function listEstateServices(
  estateId: string,
): Promise<EnvironmentServices[]> {
  const environments = await queryAll<Environment>(keys.estateEnvironments(estateId));
  return Promise.all(
    environments.map(async (environment) => ({
      environment,
      services: await queryAll<Service>(keys.environmentServices(environment.id)),
    })),
  );
}
