import { ConflictError } from '../../platform/errors.ts';
import { buildPutEvent } from '../../store/events.ts';
import { buildChangeIncident, getIncident } from '../../store/incidents.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Incident } from './incident.ts';
import { incidentEvent } from './incident-events.ts';

const alreadyResolved = (incident: Incident) =>
  new ConflictError(
    'incident_resolved',
    `Incident ${incident.id} is already resolved and cannot be acknowledged.`,
    { resolved_at: incident.resolved_at },
  );

/**
 * Acknowledges an open incident and records `infrastructure.incident.acknowledged`.
 * Acknowledging again changes nothing; a resolved incident answers 409.
 */
export async function acknowledgeIncident(
  incident: Incident,
  by: string,
): Promise<Incident> {
  if (incident.status === 'acknowledged') return incident;
  if (incident.status === 'resolved') throw alreadyResolved(incident);
  const now = new Date();
  const acknowledged: Incident = {
    ...incident,
    status: 'acknowledged',
    acknowledged_at: nowIso(now),
    acknowledged_by: by,
    version: incident.version + 1,
  };
  try {
    await transact([
      {
        Update: buildChangeIncident({
          incidentId: incident.id,
          from: ['open'],
          set: {
            status: 'acknowledged',
            acknowledged_at: acknowledged.acknowledged_at,
            acknowledged_by: by,
          },
          resolve: false,
        }),
      },
      { Put: buildPutEvent(incidentEvent(acknowledged, 'acknowledged', now)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const current = (await getIncident(incident.id)) ?? incident;
    if (current.status === 'resolved') throw alreadyResolved(current);
    return current;
  }
  return acknowledged;
}
