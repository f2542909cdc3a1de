import * as z from 'zod/mini';
import { acknowledgeIncident } from '../../domain/incidents/acknowledge-incident.ts';
import { IncidentId } from '../../domain/incidents/incident.ts';
import { toIncidentResource } from '../../domain/incidents/incident-resource.ts';
import { ownedIncident } from '../../domain/incidents/owned-incident.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/incidents/{id}/acknowledge — someone is on it. */
export const handler = httpHandler(
  {
    scope: 'write',
    idempotent,
    summary: 'Acknowledge an incident',
    problems: [404, 409],
    params: z.object({ id: IncidentId }),
  },
  async ({ params, caller }) => {
    const incident = await ownedIncident(params.id, caller.workspaceId);
    const acknowledged = await acknowledgeIncident(incident, caller.subject);
    return { status: 200, body: { data: toIncidentResource(acknowledged) } };
  },
);
