import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Cause, Incident, IncidentStatus } from '../domain/incidents/incident.ts';
import { documentClient } from './client.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** How long an event that opened an incident is remembered, in seconds. */
export const EVENT_MARK_SECONDS = 7 * 24 * 3600;

/** Builds the Put of a new incident, listed under its estate and among the unresolved. */
export function buildPutIncident(incident: Incident) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.incident(incident.id),
      ...keys.incidentIndexes(incident.estate_id, incident.opened_at, incident.id),
      entity: 'incident',
      ...incident,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Builds the claim of a resource and cause by an incident; it fails while another holds it. */
export function buildClaimCause(resourceId: string, cause: Cause, incidentId: string) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.incidentCause(resourceId, cause),
      entity: 'incident_cause',
      incident_id: incidentId,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Builds the release of a resource and cause, only while this incident holds it. */
export function buildReleaseCause(resourceId: string, cause: Cause, incidentId: string) {
  return {
    TableName: tableName(),
    Key: keys.incidentCause(resourceId, cause),
    ConditionExpression: 'incident_id = :id',
    ExpressionAttributeValues: { ':id': incidentId },
  };
}

/** Builds the mark of an event that opened an incident; a redelivery fails on it. */
export function buildMarkEvent(eventId: string, incidentId: string, now: Date) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.incidentEvent(eventId),
      entity: 'incident_event',
      incident_id: incidentId,
      expires_at: Math.floor(now.getTime() / 1000) + EVENT_MARK_SECONDS,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Reads one incident, or undefined. */
export async function getIncident(incidentId: string): Promise<Incident | undefined> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.incident(incidentId) }),
  );
  return result.Item ? stripKeys<Incident>(result.Item) : undefined;
}

/** The unresolved incident holding a resource and cause, if any. */
export async function causeHolder(
  resourceId: string,
  cause: Cause,
): Promise<string | undefined> {
  const result = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.incidentCause(resourceId, cause),
      ProjectionExpression: 'incident_id',
    }),
  );
  const id = result.Item?.incident_id;
  return typeof id === 'string' ? id : undefined;
}

/** Whether an event has already opened an incident. */
export async function isEventMarked(eventId: string): Promise<boolean> {
  const result = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.incidentEvent(eventId),
      ProjectionExpression: 'pk',
    }),
  );
  return result.Item !== undefined;
}

export interface IncidentChange {
  readonly incidentId: string;
  readonly from: readonly IncidentStatus[];
  readonly set: Readonly<Record<string, unknown>>;
  /** Takes the incident off the estate's unresolved list (gsi2). */
  readonly resolve: boolean;
}

/** Builds a status change of an incident; it fails unless the incident is in `from`. */
export function buildChangeIncident(change: IncidentChange) {
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1 };
  const sets = Object.entries(change.set).map(([name, value], index) => {
    names[`#a${index}`] = name;
    values[`:a${index}`] = value;
    return `#a${index} = :a${index}`;
  });
  change.from.forEach((status, index) => {
    values[`:from${index}`] = status;
  });
  const allowed = change.from.map((_, index) => `:from${index}`).join(', ');
  return {
    TableName: tableName(),
    Key: keys.incident(change.incidentId),
    UpdateExpression: `SET ${sets.join(', ')} ADD #version :one${change.resolve ? ' REMOVE gsi2pk, gsi2sk' : ''}`,
    ConditionExpression: `#status IN (${allowed})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
