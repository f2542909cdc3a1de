import { type EventType, newEvent, type PlatformEvent } from '../events.ts';
import type { Incident } from './incident.ts';

export type IncidentAction = 'opened' | 'acknowledged' | 'resolved';

/** An `infrastructure.incident.*` event with a compact snapshot of the incident. */
export function incidentEvent(
  incident: Incident,
  action: IncidentAction,
  now: Date,
): PlatformEvent {
  return newEvent(
    {
      type: `infrastructure.incident.${action}` as EventType,
      workspace_id: incident.workspace_id,
      estate_id: incident.estate_id,
      service_line_id: incident.service_line_id,
      subject_id: incident.id,
      data: {
        type: incident.type,
        severity: incident.severity,
        status: incident.status,
        title: incident.title,
        cause: incident.cause.code,
        resource_id: incident.cause.resource_id,
        affected_resources: incident.affected_resources,
        suspected_changes: incident.suspected_changes.map((change) => change.id),
        resolved_by: incident.resolved_by,
      },
    },
    now.toISOString(),
  );
}
