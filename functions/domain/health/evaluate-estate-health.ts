import { logger } from '../../platform/logger.ts';
import { listEstateServices } from '../../store/estate-services.ts';
import {
  buildEstateTransition,
  buildRecordEstateHealth,
  type EstateItem,
  getEstate,
} from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { listOpenIncidents } from '../../store/incident-lists.ts';
import type { StoredServiceHealth } from '../../store/service-health.ts';
import {
  ConditionFailedError,
  type TransactItem,
  transact,
} from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { UNPROBED_HEALTH } from '../services/workload.ts';
import { type EstateHealth, estateHealthOf } from './estate-health.ts';
import { statusForScore, UNSCORED } from './estate-status.ts';
import { estateHealthEvent } from './health-events.ts';

/** The breakdown stored on the estate item, behind GET …/estates/{id}/health. */
export interface StoredEstateHealth extends EstateHealth {
  readonly evaluated_at: string;
}

/** Open policy violations the policy engine records on the estate; 0 until it does. */
const policyViolationsOf = (estate: EstateItem) => {
  const count = Reflect.get(estate, 'open_policy_violations');
  return typeof count === 'number' ? count : 0;
};

/** The breakdown stored with the estate's health_score, if any. */
export const storedHealthOf = (estate: EstateItem) =>
  Reflect.get(estate, 'health') as StoredEstateHealth | undefined;

const sameHealth = (a: EstateHealth, b: StoredEstateHealth | undefined) =>
  b !== undefined &&
  JSON.stringify([a.score, a.components, a.environments]) ===
    JSON.stringify([b.score, b.components, b.environments]);

async function measure(estate: EstateItem): Promise<EstateHealth> {
  const [groups, incidents] = await Promise.all([
    listEstateServices(estate.id),
    listOpenIncidents(estate.id),
  ]);
  const environments = groups.map(({ environment, services }) => ({
    id: environment.id,
    name: environment.name,
    // A service without a workload (still provisioning, or failed) has no health to
    // measure; a failed one weighs on the score through its incident instead.
    services: services
      .filter((service) => service.status === 'running')
      .flatMap((service) => {
        // Items written before health readings existed may carry none yet.
        const health: Omit<StoredServiceHealth, 'score'> & { score: number | null } =
          (service.health as StoredServiceHealth | undefined) ?? UNPROBED_HEALTH;
        if (typeof health.score !== 'number') return [];
        return [
          {
            score: health.score,
            availability: health.availability,
            error_rate: health.error_rate,
          },
        ];
      }),
  }));
  return estateHealthOf(environments, incidents, policyViolationsOf(estate));
}

/** Takes a score off an estate that is not scored (any status but active, degraded). */
async function clearScore(estate: EstateItem): Promise<void> {
  if (estate.health_score === null && storedHealthOf(estate) === undefined) return;
  try {
    await transact([
      {
        Update: buildRecordEstateHealth(
          estate.id,
          estate.status,
          UNSCORED.set,
          UNSCORED.remove,
        ),
      },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
}

/**
 * Scores an active or degraded estate and stores the score with its breakdown, in one
 * update, so the estate's health_score and GET …/health always agree. When the score
 * crosses a threshold the estate turns degraded (or active again) and, in the same
 * transaction, `infrastructure.estate.degraded` (or `.recovered`) is recorded.
 * Nothing is written when nothing changed; a racing evaluation that changed the
 * status first wins. An estate in any other status keeps no score: one still holding
 * one loses it. Returns the estate's health, or null for other statuses.
 */
export async function evaluateEstateHealth(
  estateId: string,
): Promise<StoredEstateHealth | null> {
  const estate = await getEstate(estateId);
  if (!estate) return null;
  if (estate.status !== 'active' && estate.status !== 'degraded') {
    await clearScore(estate);
    return null;
  }
  const health = await measure(estate);
  const now = new Date();
  const stored = { ...health, evaluated_at: nowIso(now) };
  const next = statusForScore(estate.status, health.score);
  if (next === estate.status && sameHealth(health, storedHealthOf(estate)))
    return storedHealthOf(estate) ?? stored;
  const set = { health_score: health.score, health: stored };
  // A new score alone is observed health, like cost: it leaves the version (the ETag)
  // alone. Turning degraded or active again is a lifecycle change, which moves it.
  const items: TransactItem[] = [
    {
      Update:
        next === estate.status
          ? buildRecordEstateHealth(estateId, estate.status, set)
          : buildEstateTransition({
              estateId,
              from: [estate.status],
              to: next,
              now: stored.evaluated_at,
              set,
            }),
    },
  ];
  if (next !== estate.status) {
    const changed = { ...estate, status: next, health_score: health.score };
    const action = next === 'degraded' ? 'degraded' : 'recovered';
    items.push({
      Put: buildPutEvent(estateHealthEvent(changed, action, health.score, now)),
    });
  }
  try {
    await transact(items);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
  return stored;
}

/**
 * Scores an estate again once a request has changed what it runs (an environment or
 * a service deleted). The change is made by then, so a failure here must not fail
 * the request: it is logged, and the periodic health poll scores the estate instead.
 */
export async function rescoreEstate(estateId: string): Promise<void> {
  try {
    await evaluateEstateHealth(estateId);
  } catch (error) {
    logger.warn('estate health left to the next poll', { error, estate_id: estateId });
  }
}
