import type { NetworkHandle } from '../../drivers/driver.ts';
import type { EstateItem } from '../../store/estates.ts';
import { newEvent, type PlatformEvent } from '../events.ts';
import type { Estate } from './estate.ts';

/** What can happen to an estate, each an `infrastructure.estate.<action>` event. */
export type EstateAction =
  | 'provisioning_started'
  | 'ready'
  | 'failed'
  | 'deprovisioning_started'
  | 'deprovisioned'
  | 'updated';

/** A compact snapshot of an estate for event details. */
export const estateSnapshot = (estate: Estate) => ({
  name: estate.name,
  provider: estate.provider,
  region: estate.region,
  status: estate.status,
  status_reason: estate.status_reason,
});

/**
 * The network an estate got, as events show it: what consumers can name in the
 * provider, in the events' snake_case; the driver's operation handle stays inside.
 */
export const networkSnapshot = (network: NetworkHandle) => ({
  network_id: network.networkId,
  subnets: network.subnets.map((subnet) => ({
    zone: subnet.zone,
    cidr: subnet.cidr,
    subnet_id: subnet.subnetId,
  })),
});

/** An `infrastructure.estate.*` event about an estate, as it is after the change. */
export function estateEvent(
  estate: Estate | EstateItem,
  action: EstateAction,
  now: Date,
  extra: Readonly<Record<string, unknown>> = {},
): PlatformEvent {
  return newEvent(
    {
      type: `infrastructure.estate.${action}`,
      workspace_id: estate.workspace_id,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      subject_id: estate.id,
      data: { ...estateSnapshot(estate), ...extra },
    },
    now.toISOString(),
  );
}
