import type { CloudDriver } from '../../drivers/driver.ts';
import type { Environment } from '../environments/environment.ts';
import type { CreateServiceInput, Service, ServiceHealth } from './service.ts';
import { imageOf, STARTING_HEALTH, toWorkloadConfig } from './workload.ts';

/**
 * Asks the driver for the service's workload (idempotent per service) and builds the
 * running service. A container service's health is read from its image at once;
 * other types start from STARTING_HEALTH.
 */
export async function provisionService(
  driver: CloudDriver,
  id: string,
  environment: Environment,
  input: CreateServiceInput,
  now: string,
): Promise<Service> {
  const { providerResource } = await driver.createWorkload({
    serviceId: id,
    serviceName: input.name,
    environmentName: environment.name,
    environmentType: environment.type,
    type: input.type,
    config: toWorkloadConfig(input.config),
  });
  const image = imageOf(input.config);
  let health: ServiceHealth = STARTING_HEALTH;
  if (input.type === 'container_service' && image) {
    const reading = await driver.readHealth({ providerResource, image });
    health = { score: reading.score, status: reading.status };
  }
  return {
    id,
    workspace_id: environment.workspace_id,
    estate_id: environment.estate_id,
    environment_id: environment.id,
    name: input.name,
    type: input.type,
    status: 'running',
    provider_resource: providerResource,
    current_image: image,
    health,
    cost_mtd_micros: 0,
    config: input.config,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
