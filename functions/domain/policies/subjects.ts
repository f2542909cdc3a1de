import { getEnvironment } from '../../store/environments.ts';
import type { CreateEnvironmentInput, Environment } from '../environments/environment.ts';
import type { CreateServiceInput, Service } from '../services/service.ts';
import { imageOf } from '../services/workload.ts';
import type { PolicySubject } from './subject.ts';

/** A new environment, as policies see it. */
export const environmentSubject = (input: CreateEnvironmentInput): PolicySubject => ({
  action: 'create_environment',
  environment: { name: input.name, type: input.type, service_count: 0 },
});

/** A new service in an environment, as policies see it. */
export const serviceSubject = (
  environment: Environment,
  input: CreateServiceInput,
): PolicySubject => ({
  action: 'create_service',
  environment,
  service: { type: input.type, image: imageOf(input.config) },
});

/**
 * A deployment of an image to a service, as policies see it; reads the service's
 * environment for its type.
 */
export function deploymentSubject(
  service: Pick<Service, 'id' | 'type' | 'environment_id'>,
  image: string,
): () => Promise<PolicySubject> {
  return async () => {
    const environment = await getEnvironment(service.environment_id);
    if (!environment) throw new Error(`environment ${service.environment_id} is gone`);
    return { action: 'create_deployment', environment, service, image };
  };
}
