import * as z from 'zod/mini';
import { evaluateEstateHealth } from '../../domain/health/evaluate-estate-health.ts';
import { IncidentId } from '../../domain/incidents/incident.ts';
import { toIncidentResource } from '../../domain/incidents/incident-resource.ts';
import { ownedIncident } from '../../domain/incidents/owned-incident.ts';
import { resolveIncident } from '../../domain/incidents/resolve-incident.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/incidents/{id}/resolve — close an incident by hand. */
export const handler = httpHandler(
  {
    scope: 'write',
    idempotent,
    summary: 'Resolve an incident',
    problems: [404, 409],
    params: z.object({ id: IncidentId }),
  },
  async ({ params, caller }) => {
    const incident = await ownedIncident(params.id, caller.workspaceId);
    const resolved = await resolveIncident(
      incident,
      caller.subject,
      'Resolved by a user.',
    );
    await evaluateEstateHealth(resolved.estate_id);
    return { status: 200, body: { data: toIncidentResource(resolved) } };
  },
);
