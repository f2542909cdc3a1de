import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { asBigInt, costClient } from './cost-client.ts';
import { keys } from './keys.ts';
import { tableName } from './table.ts';

/** One day rollup as the cost reports read it. */
export interface DayRollup {
  readonly day: string;
  readonly environment_id: string;
  readonly service_id: string;
  readonly metric: string;
  readonly cost_femtos: bigint;
}

/**
 * Builds the Query of an estate's day rollups from one day to another, both
 * inclusive, optionally of one environment only (a filter on the same partition).
 */
export function buildQueryDays(
  estateId: string,
  from: string,
  to: string,
  environmentId?: string,
): QueryCommandInput {
  return {
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': keys.estateCosts(estateId),
      ':from': `DAY#${from}`,
      ':to': `DAY#${to}#\uffff`,
      ...(environmentId ? { ':env': environmentId } : {}),
    },
    ...(environmentId ? { FilterExpression: 'environment_id = :env' } : {}),
    ExpressionAttributeNames: { '#day': 'day' },
    ProjectionExpression: '#day, environment_id, service_id, metric, cost_femtos',
  };
}

/** Reads every day rollup of the range: one Query, paged through when large. */
export async function queryDayRollups(
  estateId: string,
  from: string,
  to: string,
  environmentId?: string,
): Promise<DayRollup[]> {
  const input = buildQueryDays(estateId, from, to, environmentId);
  const rollups: DayRollup[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await costClient.send(
      new QueryCommand({ ...input, ExclusiveStartKey: startKey }),
    );
    for (const item of result.Items ?? [])
      rollups.push({
        day: String(item.day),
        environment_id: String(item.environment_id),
        service_id: String(item.service_id),
        metric: String(item.metric),
        cost_femtos: asBigInt(item.cost_femtos),
      });
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return rollups;
}
