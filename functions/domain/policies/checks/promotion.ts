import type { ParametersOf } from '../kinds.ts';
import type { PolicyFacts, PolicySubject } from '../subject.ts';

const MINUTE_MS = 60_000;

/**
 * A deployment to the target environment type needs the same image to have
 * succeeded in the source environment type of the estate first, optionally at least
 * `min_soak_minutes` ago and on a service that is healthy now.
 */
export function checkPromotionOrder(
  parameters: ParametersOf<'promotion_order'>,
  subject: PolicySubject,
  facts: PolicyFacts,
): string | null {
  if (subject.action !== 'create_deployment') return null;
  const { from_environment_type: from, to_environment_type: to } = parameters;
  if (subject.environment.type !== to) return null;
  const promotion = facts.promotions[from];
  if (!promotion)
    return `Image ${subject.image} has not succeeded in a ${from} environment of this estate; deploy it there first.`;
  const soaked = (facts.now.getTime() - Date.parse(promotion.succeeded_at)) / MINUTE_MS;
  if (soaked < parameters.min_soak_minutes)
    return `Image ${subject.image} succeeded in ${from} at ${promotion.succeeded_at}; it must soak ${parameters.min_soak_minutes} minutes before ${to} (${Math.floor(soaked)} so far).`;
  if (parameters.require_healthy && promotion.service_health !== 'healthy')
    return `Service ${promotion.service_id} in ${from} is ${promotion.service_health ?? 'gone'}; ${to} needs it healthy.`;
  return null;
}
