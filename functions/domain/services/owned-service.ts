import { NotFoundError } from '../../platform/errors.ts';
import { getService } from '../../store/services.ts';
import type { Service } from './service.ts';

/** The service, if it exists in the caller's workspace; another workspace's is a 404. */
export async function ownedService(
  serviceId: string,
  workspaceId: string,
): Promise<Service> {
  const service = await getService(serviceId);
  if (!service || service.workspace_id !== workspaceId)
    throw new NotFoundError('service', serviceId);
  return service;
}
