import { NotFoundError } from '../../platform/errors.ts';
import { getIncident } from '../../store/incidents.ts';
import type { Incident } from './incident.ts';

/** The incident, if it exists in the caller's workspace; another workspace's is a 404. */
export async function ownedIncident(
  incidentId: string,
  workspaceId: string,
): Promise<Incident> {
  const incident = await getIncident(incidentId);
  if (!incident || incident.workspace_id !== workspaceId)
    throw new NotFoundError('incident', incidentId);
  return incident;
}
