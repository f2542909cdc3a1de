import type { EnvironmentType } from '../../drivers/driver.ts';
import { getPromotion } from '../../store/promotions.ts';
import { getService } from '../../store/services.ts';
import { healthShown } from '../services/workload.ts';
import type { Policy } from './policy.ts';
import type { PolicyFacts, PolicySubject, PromotionFact } from './subject.ts';

async function promotionFact(
  estateId: string,
  environmentType: EnvironmentType,
  image: string,
  withHealth: boolean,
): Promise<PromotionFact | null> {
  const record = await getPromotion(estateId, environmentType, image);
  if (!record) return null;
  const service = withHealth ? await getService(record.service_id) : undefined;
  return {
    succeeded_at: record.succeeded_at,
    environment_id: record.environment_id,
    service_id: record.service_id,
    service_health: service ? healthShown(service).status : null,
  };
}

/**
 * Reads what the estate's active policies need to judge the change, and nothing
 * else: a promotion record (and the health of its service) only for a deployment
 * that a promotion_order policy governs. Without such policies it reads nothing.
 */
export async function gatherFacts(
  policies: readonly Policy[],
  estateId: string,
  subject: PolicySubject,
  now: Date,
): Promise<PolicyFacts> {
  const promotions: Partial<Record<EnvironmentType, PromotionFact | null>> = {};
  if (subject.action !== 'create_deployment') return { now, promotions };
  for (const policy of policies) {
    if (policy.status !== 'active' || policy.kind !== 'promotion_order') continue;
    const { from_environment_type: from, to_environment_type: to } = policy.parameters;
    if (subject.environment.type !== to) continue;
    const known = promotions[from];
    if (known !== undefined && (known === null || known.service_health !== null))
      continue;
    promotions[from] = await promotionFact(
      estateId,
      from,
      subject.image,
      policy.parameters.require_healthy,
    );
  }
  return { now, promotions };
}
