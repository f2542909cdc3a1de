import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';
import { asBigInt } from './cost-client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** Whose day rollups a cost report reads: an estate's, or one environment's. */
export interface CostScope {
  readonly kind: 'estate' | 'environment';
  readonly id: string;
}

/**
 * One day rollup as the cost reports read it. The workspace and names are absent
 * on rollups written before they were recorded.
 */
export interface DayRollup {
  readonly day: string;
  readonly workspace_id: string | undefined;
  readonly environment_id: string;
  readonly service_id: string;
  readonly environment_name: string | undefined;
  readonly service_name: string | undefined;
  readonly metric: string;
  readonly cost_femtos: bigint;
}

/**
 * Builds the Query of a scope's day rollups from one day to another, both
 * inclusive: an estate's from its cost partition, an environment's from gsi1.
 */
export function buildQueryDays(
  scope: CostScope,
  from: string,
  to: string,
): QueryCommandInput {
  const byEstate = scope.kind === 'estate';
  const [pk, sk] = byEstate ? ['pk', 'sk'] : ['gsi1pk', 'gsi1sk'];
  return {
    TableName: tableName(),
    ...(byEstate ? {} : { IndexName: 'gsi1' }),
    KeyConditionExpression: `${pk} = :pk AND ${sk} BETWEEN :from AND :to`,
    ExpressionAttributeValues: {
      ':pk': byEstate ? keys.estateCosts(scope.id) : keys.environmentCosts(scope.id),
      ':from': `DAY#${from}`,
      ':to': `DAY#${to}#\uffff`,
    },
    ExpressionAttributeNames: { '#day': 'day' },
    ProjectionExpression:
      '#day, workspace_id, environment_id, service_id, environment_name, ' +
      'service_name, metric, cost_femtos',
  };
}

const optional = (value: unknown) => (value === undefined ? undefined : String(value));

/** Reads every day rollup of the range: one Query, paged through when large. */
export async function queryDayRollups(
  scope: CostScope,
  from: string,
  to: string,
): Promise<DayRollup[]> {
  const input = buildQueryDays(scope, from, to);
  const rollups: DayRollup[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({ ...input, ExclusiveStartKey: startKey }),
    );
    for (const item of result.Items ?? [])
      rollups.push({
        day: String(item.day),
        workspace_id: optional(item.workspace_id),
        environment_id: String(item.environment_id),
        service_id: String(item.service_id),
        environment_name: optional(item.environment_name),
        service_name: optional(item.service_name),
        metric: String(item.metric),
        cost_femtos: asBigInt(item.cost_femtos),
      });
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return rollups;
}
