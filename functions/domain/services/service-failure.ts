import { buildPutEvent } from '../../store/events.ts';
import { buildEndProvisioning } from '../../store/service-writes.ts';
import { getService } from '../../store/services.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { mustGetEstate } from '../estates/estate-failure.ts';
import type { Service } from './service.ts';
import { serviceEvent } from './service-events.ts';

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
  const now = new Date();
  const failed: Service = {
    ...service,
    status: 'failed',
    status_reason: reason,
    version: service.version + 1,
    updated_at: nowIso(now),
  };
  try {
    await transact([
      {
        Update: buildEndProvisioning({
          serviceId,
          to: 'failed',
          now: failed.updated_at,
          set: { status_reason: reason },
        }),
      },
      { Put: buildPutEvent(serviceEvent(estate, failed, 'failed', now)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    return (await getService(serviceId))?.status ?? 'deleted';
  }
  return 'failed';
}
