import { buildPutEvent } from '../../store/events.ts';
import {
  buildChangeIncident,
  buildReleaseCause,
  causeHolder,
  getIncident,
} from '../../store/incidents.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { type Cause, type Incident, UNRESOLVED } from './incident.ts';
import { incidentEvent } from './incident-events.ts';

/** Who resolves an incident whose cause cleared by itself. */
export const PLATFORM = 'platform';

/**
 * Resolves an incident, frees its resource and cause for a new incident and records
 * `infrastructure.incident.resolved`, in one transaction. Resolving a resolved
 * incident changes nothing; losing a race returns the incident as the winner left it.
 */
export async function resolveIncident(
  incident: Incident,
  resolvedBy: string,
  resolution: string | null,
): Promise<Incident> {
  if (incident.status === 'resolved') return incident;
  const now = new Date();
  const resolved: Incident = {
    ...incident,
    status: 'resolved',
    resolved_at: nowIso(now),
    resolved_by: resolvedBy,
    resolution,
    version: incident.version + 1,
  };
  try {
    await transact([
      {
        Update: buildChangeIncident({
          incidentId: incident.id,
          from: UNRESOLVED,
          set: {
            status: resolved.status,
            resolved_at: resolved.resolved_at,
            resolved_by: resolvedBy,
            resolution,
          },
          resolve: true,
        }),
      },
      {
        Delete: buildReleaseCause(
          incident.cause.resource_id,
          incident.cause.code,
          incident.id,
        ),
      },
      { Put: buildPutEvent(incidentEvent(resolved, 'resolved', now)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    return (await getIncident(incident.id)) ?? incident;
  }
  return resolved;
}

/**
 * Resolves the unresolved incident of a resource and cause, if there is one, because
 * the cause cleared. An incident a user already resolved is left as it is.
 */
export async function resolveCause(
  resourceId: string,
  cause: Cause,
  resolution: string,
): Promise<Incident | null> {
  const holder = await causeHolder(resourceId, cause);
  const incident = holder ? await getIncident(holder) : undefined;
  if (!incident || incident.status === 'resolved') return null;
  return resolveIncident(incident, PLATFORM, resolution);
}
