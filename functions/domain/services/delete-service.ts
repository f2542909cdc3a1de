import { driverFor } from '../../drivers/registry.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { buildAddServiceCount } from '../../store/environment-writes.ts';
import type { EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { buildReleaseServiceName } from '../../store/names.ts';
import { buildDeleteService } from '../../store/service-writes.ts';
import { getService } from '../../store/services.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { rescoreEstate } from '../health/evaluate-estate-health.ts';
import type { Service } from './service.ts';
import { serviceEvent } from './service-events.ts';

/**
 * Deletes a service for good: the driver removes its workload first (a retry after a
 * failure there finds the record still in place), then one transaction deletes the
 * record, frees the name, takes one off the environment's service_count and writes
 * `infrastructure.service.deleted`; the estate is then scored again without it. A
 * service still provisioning, or failed, has no workload to remove; its provisioning
 * workflow, finding the record gone, removes the workload it may have just created. The delete holds only while the service is
 * in the status it was read in, so a workload created meanwhile is removed here.
 * Given `expectedVersion` (an If-Match the caller sent), it holds only at that
 * version too, and a change made meanwhile is refused as `service_modified`.
 */
export async function deleteService(
  estate: EstateItem,
  service: Service,
  options: { readonly expectedVersion?: number } = {},
): Promise<void> {
  if (service.active_deployment_id) throw busy(service.id, service.active_deployment_id);
  const extra: Record<string, unknown> = {};
  if (service.provider_resource) {
    const removal = await driverFor(estate.provider).removeWorkload({
      providerResource: service.provider_resource,
    });
    extra.removed_at = removal.removedAt;
  }
  const now = new Date();
  try {
    await transact([
      {
        Delete: buildDeleteService(service.id, service.status, options.expectedVersion),
      },
      {
        Delete: buildReleaseServiceName(service.environment_id, service.name, service.id),
      },
      { Update: buildAddServiceCount(service.environment_id, -1) },
      { Put: buildPutEvent(serviceEvent(estate, service, 'deleted', now, extra)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const current = await getService(service.id);
    if (!current) throw new NotFoundError('service', service.id);
    if (
      options.expectedVersion !== undefined &&
      current.version !== options.expectedVersion
    )
      throw new ConflictError(
        'service_modified',
        `Service ${service.id} changed while this request ran; read it again and retry.`,
      );
    if (current.active_deployment_id)
      throw busy(service.id, current.active_deployment_id);
    // Provisioning ended meanwhile; statuses only move forward, so this recurses once.
    if (current.status !== service.status) return deleteService(estate, current, options);
    throw new NotFoundError('service', service.id);
  }
  // What the service weighed in the estate's score goes with it.
  await rescoreEstate(estate.id);
}

const busy = (serviceId: string, deploymentId: string) =>
  new ConflictError(
    'deployment_in_progress',
    `Service ${serviceId} is being deployed by ${deploymentId}; cancel it or wait before deleting the service.`,
    { active_deployment_id: deploymentId },
  );
