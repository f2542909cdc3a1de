import type { EnvironmentType } from '../../drivers/driver.ts';
import { listChanges } from '../../store/changes.ts';
import type { EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import {
  buildClaimCause,
  buildMarkEvent,
  buildPutIncident,
  causeHolder,
  isEventMarked,
} from '../../store/incidents.ts';
import {
  ConditionFailedError,
  type TransactItem,
  transact,
} from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { AffectedResource, Cause, Incident } from './incident.ts';
import { incidentEvent } from './incident-events.ts';
import { type Failure, severityOf } from './severity.ts';
import { pickSuspectedChanges, SUSPECT_WINDOW_MS } from './suspected-changes.ts';

export interface OpenIncidentRequest {
  readonly estate: EstateItem;
  readonly cause: Cause;
  /** The resource the cause is about: with the cause, at most one unresolved incident. */
  readonly resourceId: string;
  readonly failure: Failure;
  readonly environment: { readonly id: string; readonly type: EnvironmentType } | null;
  readonly title: string;
  readonly detail: string | null;
  readonly affected: readonly AffectedResource[];
  /** The platform event behind it; a redelivered event opens nothing. */
  readonly eventId: string | null;
}

async function suspects(request: OpenIncidentRequest, now: Date) {
  const from = new Date(now.getTime() - SUSPECT_WINDOW_MS).toISOString();
  const events = await listChanges(request.estate.id, from, now.toISOString());
  const ids = new Set([request.estate.id, ...request.affected.map((r) => r.id)]);
  return pickSuspectedChanges(events, ids);
}

function newIncident(
  id: string,
  request: OpenIncidentRequest,
  suspected: Incident['suspected_changes'],
  now: Date,
): Incident {
  return {
    id,
    type: 'infrastructure_failure',
    workspace_id: request.estate.workspace_id,
    estate_id: request.estate.id,
    service_line_id: request.estate.service_line_id,
    environment_id: request.environment?.id ?? null,
    severity: severityOf(request.failure, request.environment?.type ?? null),
    status: 'open',
    title: request.title,
    cause: {
      code: request.cause,
      resource_id: request.resourceId,
      detail: request.detail,
      event_id: request.eventId,
    },
    affected_resources: request.affected,
    suspected_changes: suspected,
    opened_at: nowIso(now),
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    resolution: null,
    version: 1,
  };
}

/**
 * Opens an incident unless one is already unresolved for the same resource and cause,
 * or the event behind it already opened one. One transaction writes the incident,
 * claims the resource and cause, marks the event and records
 * `infrastructure.incident.opened`; a racing twin fails on the claim. Returns the new
 * incident, or null when nothing was opened.
 */
export async function openIncident(
  request: OpenIncidentRequest,
): Promise<Incident | null> {
  if (request.eventId && (await isEventMarked(request.eventId))) return null;
  if (await causeHolder(request.resourceId, request.cause)) return null;
  const now = new Date();
  const id = await allocateId('INFINC', now);
  const incident = newIncident(id, request, await suspects(request, now), now);
  const items: TransactItem[] = [
    { Put: buildPutIncident(incident) },
    { Put: buildClaimCause(request.resourceId, request.cause, id) },
    { Put: buildPutEvent(incidentEvent(incident, 'opened', now)) },
  ];
  if (request.eventId) items.push({ Put: buildMarkEvent(request.eventId, id, now) });
  try {
    await transact(items);
  } catch (error) {
    if (error instanceof ConditionFailedError) return null;
    throw error;
  }
  return incident;
}
