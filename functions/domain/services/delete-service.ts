import { driverFor } from '../../drivers/registry.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { buildAddServiceCount } from '../../store/environment-writes.ts';
import type { EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { buildReleaseServiceName } from '../../store/names.ts';
import { buildDeleteService } from '../../store/service-writes.ts';
import { getService } from '../../store/services.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import type { Service } from './service.ts';
import { serviceEvent } from './service-events.ts';

/**
 * Deletes a service for good: the driver removes its workload first (a retry after a
 * failure there finds the record still in place), then one transaction deletes the
 * record, frees the name, takes one off the environment's service_count and writes
 * `infrastructure.service.deleted`.
 */
export async function deleteService(estate: EstateItem, service: Service): Promise<void> {
  if (service.active_deployment_id) throw busy(service.id, service.active_deployment_id);
  const removal = await driverFor(estate.provider).removeWorkload({
    providerResource: service.provider_resource,
  });
  const now = new Date();
  const extra = { removed_at: removal.removedAt };
  try {
    await transact([
      { Delete: buildDeleteService(service.id) },
      {
        Delete: buildReleaseServiceName(service.environment_id, service.name, service.id),
      },
      { Update: buildAddServiceCount(service.environment_id, -1) },
      { Put: buildPutEvent(serviceEvent(estate, service, 'deleted', now, extra)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const current = await getService(service.id);
    if (current?.active_deployment_id)
      throw busy(service.id, current.active_deployment_id);
    throw new NotFoundError('service', service.id);
  }
}

const busy = (serviceId: string, deploymentId: string) =>
  new ConflictError(
    'deployment_in_progress',
    `Service ${serviceId} is being deployed by ${deploymentId}; cancel it or wait before deleting the service.`,
    { active_deployment_id: deploymentId },
  );
