import type { Environment } from '../environments/environment.ts';
import type { CreateServiceInput, Service } from './service.ts';
import { imageOf, UNMEASURED_HEALTH } from './workload.ts';

/**
 * A service as first recorded: `provisioning`, with no workload in the provider yet
 * and so no health measured.
 * Its provisioning workflow creates the workload and makes it `running`.
 */
export function newService(
  id: string,
  environment: Environment,
  input: CreateServiceInput,
  now: string,
): Service {
  return {
    id,
    workspace_id: environment.workspace_id,
    estate_id: environment.estate_id,
    environment_id: environment.id,
    name: input.name,
    type: input.type,
    status: 'provisioning',
    provider_resource: null,
    current_image: imageOf(input.config),
    health: UNMEASURED_HEALTH,
    cost_mtd_micros: 0,
    config: input.config,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
