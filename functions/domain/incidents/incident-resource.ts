import type { Incident } from './incident.ts';

/** The incident as the API shows it. */
export function toIncidentResource(incident: Incident) {
  return {
    id: incident.id,
    type: incident.type,
    estate_id: incident.estate_id,
    service_line_id: incident.service_line_id,
    environment_id: incident.environment_id,
    severity: incident.severity,
    status: incident.status,
    title: incident.title,
    cause: incident.cause,
    affected_resources: incident.affected_resources,
    suspected_changes: incident.suspected_changes,
    opened_at: incident.opened_at,
    acknowledged_at: incident.acknowledged_at,
    acknowledged_by: incident.acknowledged_by,
    resolved_at: incident.resolved_at,
    resolved_by: incident.resolved_by,
    resolution: incident.resolution,
  };
}

export type IncidentResource = ReturnType<typeof toIncidentResource>;
