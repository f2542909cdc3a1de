import { getEnvironment, listEnvironments } from '../../store/environments.ts';
import { getEstate } from '../../store/estates.ts';
import { listServices } from '../../store/services.ts';
import { deleteEnvironment } from '../environments/delete-environment.ts';
import { deleteService } from '../services/delete-service.ts';

const PAGE = 100;

/**
 * What a teardown of the contents got done: how many services and environments it
 * removed, and the deployment that stopped it when a service is still being deployed
 * (the workflow waits for the rollout and runs the teardown again).
 */
export interface ContentsTeardown {
  readonly services: number;
  readonly environments: number;
  readonly blocked_by: { service_id: string; deployment_id: string } | null;
}

/**
 * Removes everything inside an estate before its network goes: every service's
 * workload and record, then every environment, each with its own event. Services are
 * found only when the caller asked for a cascading teardown (the DELETE refuses
 * otherwise), but empty environments always go. Safe to run again after a failure:
 * what is already gone is simply not found. A service still being deployed stops it
 * there, before that service's environment goes.
 */
export async function tearDownContents(estateId: string): Promise<ContentsTeardown> {
  const estate = await getEstate(estateId);
  if (!estate) throw new Error(`estate ${estateId} does not exist`);
  let services = 0;
  let environments = 0;
  for (;;) {
    const page = await listEnvironments(estateId, {}, PAGE);
    if (page.items.length === 0) break;
    for (const listed of page.items) {
      const removed = await removeServices(estate, listed.id);
      services += removed.services;
      if (removed.blocked_by)
        return { services, environments, blocked_by: removed.blocked_by };
      const environment = await getEnvironment(listed.id);
      if (!environment) continue;
      await deleteEnvironment(estate, environment);
      environments += 1;
    }
  }
  return { services, environments, blocked_by: null };
}

async function removeServices(
  estate: NonNullable<Awaited<ReturnType<typeof getEstate>>>,
  environmentId: string,
): Promise<Omit<ContentsTeardown, 'environments'>> {
  let services = 0;
  for (;;) {
    const page = await listServices(environmentId, {}, PAGE);
    if (page.items.length === 0) return { services, blocked_by: null };
    for (const service of page.items) {
      if (service.active_deployment_id) {
        const blocked_by = {
          service_id: service.id,
          deployment_id: service.active_deployment_id,
        };
        return { services, blocked_by };
      }
      await deleteService(estate, service);
      services += 1;
    }
  }
}
