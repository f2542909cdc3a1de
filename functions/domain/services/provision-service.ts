import { driverFor } from '../../drivers/registry.ts';
import { getEnvironment } from '../../store/environments.ts';
import { getService } from '../../store/services.ts';
import { ConditionFailedError } from '../../store/transact.ts';
import { mustGetEstate } from '../estates/estate-failure.ts';
import { evaluateEstateHealth } from '../health/evaluate-estate-health.ts';
import { endProvisioning } from './end-provisioning.ts';
import type { Service, ServiceHealth } from './service.ts';
import { toWorkloadConfig, UNPROBED_HEALTH } from './workload.ts';

/** How a provisioning step ended: the service's status, or `deleted` if it is gone. */
export interface ProvisioningOutcome {
  readonly service_id: string;
  readonly status: Service['status'] | 'deleted';
}

/**
 * Creates a provisioning service's workload through its estate's driver (idempotent
 * per service, so a retried step finds the same workload), reads a container's
 * health from its image, then in one transaction makes the service `running` with
 * its provider resource and writes `infrastructure.service.ready`, then scores the
 * estate again with the service in it. A service that is
 * no longer provisioning is left as it is. One deleted while its workload was being
 * created loses that workload again: nothing else would ever remove it.
 */
export async function provisionService(serviceId: string): Promise<ProvisioningOutcome> {
  const service = await getService(serviceId);
  if (!service) return { service_id: serviceId, status: 'deleted' };
  if (service.status !== 'provisioning')
    return { service_id: serviceId, status: service.status };
  const estate = await mustGetEstate(service.estate_id);
  const environment = await getEnvironment(service.environment_id);
  if (!environment)
    throw new Error(`environment ${service.environment_id} does not exist`);
  const driver = driverFor(estate.provider);
  const { providerResource } = await driver.createWorkload({
    serviceId: service.id,
    serviceName: service.name,
    environmentName: environment.name,
    environmentType: environment.type,
    type: service.type,
    config: toWorkloadConfig(service.config),
  });
  // A reading recorded while it was provisioning stands; otherwise nothing was read.
  let health: ServiceHealth =
    service.health.score === null ? UNPROBED_HEALTH : service.health;
  if (service.type === 'container_service' && service.current_image) {
    const reading = await driver.readHealth({
      providerResource,
      image: service.current_image,
    });
    health = { score: reading.score, status: reading.status };
  }
  try {
    await endProvisioning(estate, service, 'running', {
      provider_resource: providerResource,
      health,
    });
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    await driver.removeWorkload({ providerResource });
    return { service_id: serviceId, status: 'deleted' };
  }
  // A running service is measured from now on: score the estate with it.
  await evaluateEstateHealth(estate.id);
  return { service_id: serviceId, status: 'running' };
}
