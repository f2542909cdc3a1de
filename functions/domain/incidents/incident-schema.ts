import * as z from 'zod';
import { CAUSES, INCIDENT_STATUSES, SEVERITIES } from './incident.ts';

const Instant = z.string();

/** An incident as the API shows it, for the API reference. */
export const IncidentSchema = z.object({
  id: z.string(),
  type: z.literal('infrastructure_failure'),
  estate_id: z.string(),
  service_line_id: z.string().nullable(),
  environment_id: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  title: z.string(),
  cause: z.object({
    code: z.enum(CAUSES),
    resource_id: z.string(),
    detail: z.string().nullable(),
    event_id: z.string().nullable(),
  }),
  affected_resources: z.array(
    z.object({
      type: z.enum(['estate', 'environment', 'service', 'deployment']),
      id: z.string(),
    }),
  ),
  suspected_changes: z.array(
    z.object({
      kind: z.enum(['deployment', 'policy']),
      id: z.string(),
      last_event: z.string(),
      at: Instant,
    }),
  ),
  opened_at: Instant,
  acknowledged_at: Instant.nullable(),
  acknowledged_by: z.string().nullable(),
  resolved_at: Instant.nullable(),
  resolved_by: z.string().nullable(),
  resolution: z.string().nullable(),
});

export const IncidentResponse = z.object({ data: IncidentSchema });
