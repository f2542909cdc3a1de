import { getService } from '../../store/services.ts';
import { ConditionFailedError } from '../../store/transact.ts';
import { mustGetEstate } from '../estates/estate-failure.ts';
import { endProvisioning } from './end-provisioning.ts';
import type { Service } from './service.ts';

// Kept apart from provision-service.ts, which reaches the cloud drivers: marking a
// service failed needs none, so the task that does only that bundles none.

/**
 * Marks a provisioning service `failed` with a reason and writes
 * `infrastructure.service.failed`, once. A service deleted, or no longer
 * provisioning, is left as it is.
 */
export async function failService(
  serviceId: string,
  reason: string,
): Promise<Service['status'] | 'deleted'> {
  const service = await getService(serviceId);
  if (!service) return 'deleted';
  if (service.status !== 'provisioning') return service.status;
  const estate = await mustGetEstate(service.estate_id);
  try {
    await endProvisioning(estate, service, 'failed', { status_reason: reason });
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    return (await getService(serviceId))?.status ?? 'deleted';
  }
  return 'failed';
}
