import * as z from 'zod/mini';
import { IncidentId } from '../../domain/incidents/incident.ts';
import { toIncidentResource } from '../../domain/incidents/incident-resource.ts';
import { ownedIncident } from '../../domain/incidents/owned-incident.ts';
import { httpHandler } from '../../platform/http.ts';

/** GET /v1/infrastructure/incidents/{id} — one incident of the caller's workspace. */
export const handler = httpHandler(
  {
    scope: 'read',
    summary: 'Get an incident',
    problems: [404],
    params: z.object({ id: IncidentId }),
  },
  async ({ params, caller }) => {
    const incident = await ownedIncident(params.id, caller.workspaceId);
    return { status: 200, body: { data: toIncidentResource(incident) } };
  },
);
