import {
  buildEstateTransition,
  type EstateItem,
  getEstate,
} from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { estateEvent } from './estate-events.ts';

// Kept apart from provisioning.ts, which reaches the cloud drivers: reading an estate
// and marking it failed need no driver, so a module that only does that bundles none.

/** The estate, which a workflow step is only ever started for. */
export async function mustGetEstate(estateId: string): Promise<EstateItem> {
  const estate = await getEstate(estateId);
  if (!estate) throw new Error(`estate ${estateId} does not exist`);
  return estate;
}

/** Marks the estate failed with a reason and emits `infrastructure.estate.failed`, once. */
export async function failEstate(estateId: string, reason: string): Promise<void> {
  const estate = await mustGetEstate(estateId);
  if (estate.status === 'failed') return;
  const now = new Date();
  const failed = { ...estate, status: 'failed' as const, status_reason: reason };
  await transact([
    {
      Update: buildEstateTransition({
        estateId,
        from: ['provisioning', 'deprovisioning'],
        to: 'failed',
        now: nowIso(now),
        set: { status_reason: reason },
      }),
    },
    { Put: buildPutEvent(estateEvent(failed, 'failed', now)) },
  ]);
}
