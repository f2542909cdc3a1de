import { ConflictError, UnprocessableError } from '../../platform/errors.ts';
import type { EstateItem } from '../../store/estates.ts';
import type { Service } from '../services/service.ts';
import type { CreateDeploymentInput } from './deployment.ts';

const DEPLOYABLE = ['container_service', 'serverless_function'];

/**
 * Refuses a deployment the service cannot take: it is not in the named environment
 * or runs no image (422), its estate is not active, it is not running yet (or
 * failed), or it already runs the image (409). A real deployment and its
 * validate_only dry run both ask this, so a dry run never calls valid what the real
 * request refuses for the service's own sake. Whether another deployment holds the
 * service is left to the caller: only the real request's transaction can tell.
 */
export function requireDeployable(
  service: Service,
  estate: EstateItem,
  input: CreateDeploymentInput,
): void {
  if (service.environment_id !== input.environment_id) {
    throw new UnprocessableError(
      'service_not_in_environment',
      `Service ${service.id} belongs to environment ${service.environment_id}, not ${input.environment_id}.`,
    );
  }
  if (!DEPLOYABLE.includes(service.type)) {
    throw new UnprocessableError(
      'service_not_deployable',
      `A ${service.type} runs no image to deploy.`,
    );
  }
  if (estate.status !== 'active' && estate.status !== 'degraded') {
    throw new ConflictError(
      'estate_not_active',
      `Estate ${estate.id} is ${estate.status}; deployments need it active.`,
    );
  }
  if (service.status !== 'running') throw notRunning(service);
  if (service.current_image === input.image) {
    throw new ConflictError(
      'image_already_running',
      `Service ${service.id} already runs ${input.image}.`,
      { current_image: service.current_image },
    );
  }
}

/** A service still provisioning, or failed, has no workload to roll. */
export const notRunning = (service: Service) =>
  new ConflictError(
    'service_not_running',
    `Service ${service.id} is ${service.status}; deployments need it running.`,
    { service_status: service.status },
  );
