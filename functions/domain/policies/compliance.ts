import type { Environment } from '../environments/environment.ts';
import type { Service } from '../services/service.ts';
import { checkPolicy } from './evaluate.ts';
import type { PolicyKind } from './kinds.ts';
import type { Policy } from './policy.ts';
import type { EstateFacts, PromotionFact } from './subject.ts';

/**
 * Kinds that judge what already runs. Deployment windows, freezes and budget
 * ceilings govern changes only, so existing services always comply with them.
 */
export const GOVERNS_EXISTING: readonly PolicyKind[] = [
  'allowed_regions',
  'allowed_service_types',
  'allowed_image_registries',
  'required_project_tags',
  'max_services_per_environment',
  'promotion_order',
];

/** A service that would not be allowed under the policy today. */
export interface Finding {
  readonly service_id: string;
  readonly environment_id: string;
  readonly reason: string;
}

/**
 * Why an existing service breaks the policy, or null. `position` is the service's
 * place in its environment in creation order, so a maximum flags the services past it;
 * `promotion` is its image's record in the policy's source environment type.
 */
export function findingFor(
  policy: Policy,
  estate: EstateFacts,
  environment: Environment,
  service: Service,
  position: number,
  promotion: PromotionFact | null,
): string | null {
  if (!GOVERNS_EXISTING.includes(policy.kind)) return null;
  const now = new Date();
  if (policy.kind === 'promotion_order') {
    if (!service.current_image) return null;
    const subject = {
      action: 'create_deployment' as const,
      environment,
      service,
      image: service.current_image,
    };
    const from = policy.parameters.from_environment_type;
    const facts = { now, promotions: { [from]: promotion } };
    // Soak time and health judge the moment of a deployment, not what runs now.
    const parameters = {
      ...policy.parameters,
      min_soak_minutes: 0,
      require_healthy: false,
    };
    return checkPolicy({ ...policy, parameters }, estate, subject, facts);
  }
  const subject = {
    action: 'create_service' as const,
    environment: { ...environment, service_count: position },
    service: { type: service.type, image: service.current_image },
  };
  return checkPolicy(policy, estate, subject, { now, promotions: {} });
}
