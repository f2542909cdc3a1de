import type { EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { buildEndProvisioning } from '../../store/service-writes.ts';
import { transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Service } from './service.ts';
import { serviceEvent } from './service-events.ts';

/** What ending a provisioning sets besides the status. */
type Outcome = Partial<Pick<Service, 'provider_resource' | 'health' | 'status_reason'>>;

/**
 * Ends a service's provisioning in one transaction: the service turns `to` with
 * `set`, only while it is still provisioning, and `infrastructure.service.ready` (or
 * `.failed`) is recorded. Throws ConditionFailedError when it no longer was.
 */
export async function endProvisioning(
  estate: EstateItem,
  service: Service,
  to: 'running' | 'failed',
  set: Outcome,
): Promise<Service> {
  const now = new Date();
  const ended: Service = {
    ...service,
    ...set,
    status: to,
    version: service.version + 1,
    updated_at: nowIso(now),
  };
  await transact([
    {
      Update: buildEndProvisioning({
        serviceId: service.id,
        to,
        now: ended.updated_at,
        set: { ...set },
      }),
    },
    {
      Put: buildPutEvent(
        serviceEvent(estate, ended, to === 'running' ? 'ready' : 'failed', now),
      ),
    },
  ]);
  return ended;
}
