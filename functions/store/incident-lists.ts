import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Incident, IncidentStatus, Severity } from '../domain/incidents/incident.ts';
import { documentClient } from './client.ts';
import { buildEqualityFilter } from './filters.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryPage } from './page.ts';
import { tableName } from './table.ts';

export interface IncidentFilter {
  readonly status?: IncidentStatus | undefined;
  readonly severity?: Severity | undefined;
  /** ISO instants bounding `opened_at`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Builds the Query for an estate's incidents, newest first, filtered. */
export function buildListIncidents(
  estateId: string,
  filter: IncidentFilter,
): QueryCommandInput {
  const { values, ...expression } = buildEqualityFilter({
    status: filter.status,
    severity: filter.severity,
  });
  return {
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    ScanIndexForward: false,
    ExpressionAttributeValues: {
      ':pk': keys.estateIncidents(estateId),
      ':from': `INCIDENT#${filter.from ?? ''}`,
      ':to': `INCIDENT#${filter.to ?? '9999'}\uffff`,
      ...values,
    },
    ...expression,
  };
}

/** Lists an estate's incidents, newest first, one page at a time. */
export async function listIncidents(
  estateId: string,
  filter: IncidentFilter,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<Incident>> {
  const page = await queryPage(
    { ...buildListIncidents(estateId, filter), ExclusiveStartKey: startKey },
    limit,
    ['gsi1pk', 'gsi1sk'],
  );
  return {
    items: page.items.map((item) => stripKeys<Incident>(item)),
    nextKey: page.nextKey,
  };
}

/** What health needs of an unresolved incident. */
export interface OpenIncident {
  readonly severity: Severity;
  readonly environment_id: string | null;
}

/** The estate's unresolved incidents, from the sparse gsi2 list, reading two attributes. */
export async function listOpenIncidents(estateId: string): Promise<OpenIncident[]> {
  const open: OpenIncident[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.estateOpenIncidents(estateId) },
        ProjectionExpression: 'severity, environment_id',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? [])
      open.push({
        severity: item.severity as Severity,
        environment_id: (item.environment_id as string | null) ?? null,
      });
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return open;
}
