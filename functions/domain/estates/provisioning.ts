import type { CloudDriver } from '../../drivers/driver.ts';
import { driverFor } from '../../drivers/registry.ts';
import {
  buildEstateTransition,
  buildSetEstateOnce,
  type EstateItem,
} from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { buildPutServiceLine } from '../../store/service-lines.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { UNSCORED } from '../health/estate-status.ts';
import { estateEvent, networkSnapshot } from './estate-events.ts';
import { mustGetEstate } from './estate-failure.ts';

export { failEstate } from './estate-failure.ts';

const driverOf = (estate: EstateItem): CloudDriver => driverFor(estate.provider);

/**
 * Gives the estate its service line (execution model `infra_managed`), linked both
 * ways. Runs once: a retry finds the line already linked and returns it.
 */
export async function allocateServiceLine(estateId: string): Promise<string> {
  const estate = await mustGetEstate(estateId);
  if (estate.service_line_id) return estate.service_line_id;
  const now = new Date();
  const lineId = await allocateId('LIN', now);
  try {
    await transact([
      {
        Put: buildPutServiceLine({
          id: lineId,
          workspace_id: estate.workspace_id,
          estate_id: estate.id,
          execution_model: 'infra_managed',
          status: 'active',
          created_at: nowIso(now),
        }),
      },
      { Update: buildSetEstateOnce(estate.id, 'service_line_id', lineId) },
    ]);
    return lineId;
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    return (await mustGetEstate(estateId)).service_line_id ?? lineId;
  }
}

/** Asks the driver for the estate's network, once; returns seconds until it may be ready. */
export async function provisionNetwork(estateId: string): Promise<number> {
  const estate = await mustGetEstate(estateId);
  const existing = estate.network;
  if (existing) return secondsUntil(existing.readyAt);
  const handle = await driverOf(estate).provisionNetwork({
    estateId: estate.id,
    estateName: estate.name,
    provider: estate.provider,
    region: estate.region,
    vpcCidr: estate.config.vpc_cidr,
    zones: estate.config.availability_zones,
  });
  try {
    await transact([{ Update: buildSetEstateOnce(estate.id, 'network', handle) }]);
    return secondsUntil(handle.readyAt);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const stored = (await mustGetEstate(estateId)).network;
    return stored ? secondsUntil(stored.readyAt) : 0;
  }
}

/** Whether the estate's network reports ready. */
export async function networkReady(estateId: string): Promise<boolean> {
  const estate = await mustGetEstate(estateId);
  if (!estate.network) throw new Error(`estate ${estateId} has no network yet`);
  const status = await driverOf(estate).networkStatus({
    estateId: estate.id,
    estateName: estate.name,
    ...estate.network,
  });
  return status.state === 'ready';
}

/** Marks the estate active and emits `infrastructure.estate.ready`, once. */
export async function activateEstate(estateId: string): Promise<void> {
  const estate = await mustGetEstate(estateId);
  if (estate.status === 'active') return;
  const now = new Date();
  // Nothing runs in a new estate yet: it has no score until a service does.
  const active = { ...estate, status: 'active' as const, health_score: null };
  await transact([
    {
      Update: buildEstateTransition({
        estateId,
        from: ['provisioning'],
        to: 'active',
        now: nowIso(now),
        ...UNSCORED,
      }),
    },
    {
      Put: buildPutEvent(
        estateEvent(
          active,
          'ready',
          now,
          estate.network ? { network: networkSnapshot(estate.network) } : {},
        ),
      ),
    },
  ]);
}

function secondsUntil(instant: string): number {
  return Math.max(1, Math.ceil((Date.parse(instant) - Date.now()) / 1000));
}

/** Asks the driver to tear the estate's network down, once; returns seconds to wait. */
export async function deprovisionNetwork(estateId: string): Promise<number> {
  const estate = await mustGetEstate(estateId);
  if (estate.teardown) return secondsUntil(estate.teardown.readyAt);
  if (!estate.network) return 1;
  const handle = await driverOf(estate).deprovisionNetwork({
    estateId: estate.id,
    estateName: estate.name,
    provider: estate.provider,
    region: estate.region,
    networkId: estate.network.networkId,
  });
  try {
    await transact([{ Update: buildSetEstateOnce(estate.id, 'teardown', handle) }]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
  return secondsUntil(handle.readyAt);
}

/** Whether the estate's network is gone (an estate that never got one has nothing to remove). */
export async function networkRemoved(estateId: string): Promise<boolean> {
  const estate = await mustGetEstate(estateId);
  if (!estate.teardown) return true;
  const status = await driverOf(estate).deprovisionStatus({
    estateId: estate.id,
    estateName: estate.name,
    ...estate.teardown,
  });
  return status.state === 'deprovisioned';
}

/** Marks the estate deprovisioned and emits `infrastructure.estate.deprovisioned`, once. */
export async function completeDeprovisioning(estateId: string): Promise<void> {
  const estate = await mustGetEstate(estateId);
  if (estate.status === 'deprovisioned') return;
  const now = new Date();
  const gone = { ...estate, status: 'deprovisioned' as const, health_score: null };
  await transact([
    {
      Update: buildEstateTransition({
        estateId,
        from: ['deprovisioning'],
        to: 'deprovisioned',
        now: nowIso(now),
        ...UNSCORED,
      }),
    },
    { Put: buildPutEvent(estateEvent(gone, 'deprovisioned', now)) },
  ]);
}
