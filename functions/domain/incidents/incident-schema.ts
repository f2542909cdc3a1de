import * as z from 'zod/mini';
import { CAUSES, INCIDENT_STATUSES, SEVERITIES } from './incident.ts';

const Instant = z.string();

/** An incident as the API shows it, for the API reference. */
export const IncidentSchema = z.object({
  id: z.string(),
  type: z.literal('infrastructure_failure'),
  estate_id: z.string(),
  service_line_id: z.nullable(z.string()),
  environment_id: z.nullable(z.string()),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  title: z.string(),
  cause: z.object({
    code: z.enum(CAUSES),
    resource_id: z.string(),
    detail: z.nullable(z.string()),
    event_id: z.nullable(z.string()),
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
  acknowledged_at: z.nullable(Instant),
  acknowledged_by: z.nullable(z.string()),
  resolved_at: z.nullable(Instant),
  resolved_by: z.nullable(z.string()),
  resolution: z.nullable(z.string()),
});

export const IncidentResponse = z.object({ data: IncidentSchema });
