import type { EnvironmentType } from '../../drivers/driver.ts';
import { listEnvironments } from '../../store/environments.ts';
import { getPromotion } from '../../store/promotions.ts';
import { listServices } from '../../store/services.ts';
import { nowIso } from '../common.ts';
import type { Environment } from '../environments/environment.ts';
import type { Estate } from '../estates/estate.ts';
import type { Service } from '../services/service.ts';
import { type Finding, findingFor, GOVERNS_EXISTING } from './compliance.ts';
import type { Policy } from './policy.ts';
import type { PromotionFact } from './subject.ts';

/** Most environments and services per environment one compliance check reads. */
export const COMPLIANCE_LIMITS = { environments: 100, services: 100 } as const;

export interface ComplianceReport {
  readonly checked_at: string;
  readonly non_compliant: readonly Finding[];
  /** True when the estate holds more than the check reads; the list is then partial. */
  readonly truncated: boolean;
}

async function promotionOf(
  policy: Policy,
  estateId: string,
  image: string | null,
): Promise<PromotionFact | null> {
  if (policy.kind !== 'promotion_order' || !image) return null;
  const from: EnvironmentType = policy.parameters.from_environment_type;
  const record = await getPromotion(estateId, from, image);
  return record ? { ...record, service_health: null } : null;
}

async function findingsIn(
  policy: Policy,
  estate: Estate,
  environment: Environment,
  services: readonly Service[],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [position, service] of services.entries()) {
    const needsPromotion =
      policy.kind === 'promotion_order' &&
      environment.type === policy.parameters.to_environment_type;
    const promotion = needsPromotion
      ? await promotionOf(policy, estate.id, service.current_image)
      : null;
    const reason = findingFor(policy, estate, environment, service, position, promotion);
    if (reason)
      findings.push({ service_id: service.id, environment_id: environment.id, reason });
  }
  return findings;
}

/**
 * Which of the estate's existing services the policy would not allow today. Reads
 * one page of environments and one page of services per environment (bounded by
 * COMPLIANCE_LIMITS), plus one GetItem per service a promotion_order governs.
 */
export async function checkCompliance(
  policy: Policy,
  estate: Estate,
): Promise<ComplianceReport> {
  const checkedAt = nowIso();
  if (!GOVERNS_EXISTING.includes(policy.kind))
    return { checked_at: checkedAt, non_compliant: [], truncated: false };
  const environments = await listEnvironments(
    estate.id,
    {},
    COMPLIANCE_LIMITS.environments,
  );
  let truncated = environments.nextKey !== undefined;
  const findings: Finding[] = [];
  for (const environment of environments.items) {
    const services = await listServices(environment.id, {}, COMPLIANCE_LIMITS.services);
    truncated ||= services.nextKey !== undefined;
    findings.push(...(await findingsIn(policy, estate, environment, services.items)));
  }
  return { checked_at: checkedAt, non_compliant: findings, truncated };
}
