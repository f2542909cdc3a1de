import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

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
