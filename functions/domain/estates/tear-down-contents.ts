import { getEnvironment, listEnvironments } from '../../store/environments.ts';
import { getEstate } from '../../store/estates.ts';
import { listServices } from '../../store/services.ts';
import { deleteEnvironment } from '../environments/delete-environment.ts';
import { deleteService } from '../services/delete-service.ts';

/** A service of the estate is still being deployed; the teardown waits for it. */
export class DeploymentInProgressError extends Error {
  constructor(serviceId: string, deploymentId: string) {
    super(`service ${serviceId} is being deployed by ${deploymentId}`);
    this.name = 'DeploymentInProgressError';
  }
}

const PAGE = 100;

/**
 * Removes everything inside an estate before its network goes: every service's
 * workload and record, then every environment, each with its own event. Services are
 * found only when the caller asked for a cascading teardown (the DELETE refuses
 * otherwise), but empty environments always go. Safe to run again after a failure:
 * what is already gone is simply not found.
 */
export async function tearDownContents(
  estateId: string,
): Promise<{ services: number; environments: number }> {
  const estate = await getEstate(estateId);
  if (!estate) throw new Error(`estate ${estateId} does not exist`);
  let services = 0;
  let environments = 0;
  for (;;) {
    const page = await listEnvironments(estateId, {}, PAGE);
    if (page.items.length === 0) break;
    for (const listed of page.items) {
      services += await removeServices(estate, listed.id);
      const environment = await getEnvironment(listed.id);
      if (!environment) continue;
      await deleteEnvironment(estate, environment);
      environments += 1;
    }
  }
  return { services, environments };
}

async function removeServices(
  estate: NonNullable<Awaited<ReturnType<typeof getEstate>>>,
  environmentId: string,
) {
  let removed = 0;
  for (;;) {
    const page = await listServices(environmentId, {}, PAGE);
    if (page.items.length === 0) return removed;
    for (const service of page.items) {
      if (service.active_deployment_id)
        throw new DeploymentInProgressError(service.id, service.active_deployment_id);
      await deleteService(estate, service);
      removed += 1;
    }
  }
}
