import { checkBudgetCeiling } from './checks/budget.ts';
import {
  checkAllowedImageRegistries,
  checkAllowedRegions,
  checkAllowedServiceTypes,
  checkMaxServices,
  checkRequiredProjectTags,
} from './checks/placement.ts';
import { checkPromotionOrder } from './checks/promotion.ts';
import { checkDeploymentFreeze, checkDeploymentWindow } from './checks/timing.ts';
import type { PolicyKind } from './kinds.ts';
import type { Policy } from './policy.ts';
import type { EstateFacts, PolicyFacts, PolicySubject } from './subject.ts';
import { type Verdict, type Violation, violationOf } from './violation.ts';

/** Kinds a `break_glass` on a deployment may override. */
const OVERRIDABLE_KINDS: readonly PolicyKind[] = [
  'deployment_window',
  'deployment_freeze',
];

/** Why one policy refuses the change, or null when it allows it or does not apply. */
export function checkPolicy(
  policy: Policy,
  estate: EstateFacts,
  subject: PolicySubject,
  facts: PolicyFacts,
): string | null {
  switch (policy.kind) {
    case 'allowed_regions':
      return checkAllowedRegions(policy.parameters, estate);
    case 'allowed_service_types':
      return checkAllowedServiceTypes(policy.parameters, subject);
    case 'allowed_image_registries':
      return checkAllowedImageRegistries(policy.parameters, subject);
    case 'required_project_tags':
      return checkRequiredProjectTags(policy.parameters, estate);
    case 'max_services_per_environment':
      return checkMaxServices(policy.parameters, subject);
    case 'deployment_window':
      return checkDeploymentWindow(policy.parameters, subject, facts.now);
    case 'deployment_freeze':
      return checkDeploymentFreeze(policy.parameters, subject, facts.now);
    case 'monthly_budget_ceiling':
      return checkBudgetCeiling(policy.parameters, subject, estate, facts.now);
    case 'promotion_order':
      return checkPromotionOrder(policy.parameters, subject, facts);
  }
}

/**
 * Judges a change against an estate's active policies. With `breakGlass`, broken
 * deployment windows and freezes are set aside as overridden; nothing else is.
 */
export function evaluate(
  policies: readonly Policy[],
  estate: EstateFacts,
  subject: PolicySubject,
  facts: PolicyFacts,
  breakGlass = false,
): Verdict {
  const broken: Violation[] = [];
  for (const policy of policies) {
    if (policy.status !== 'active') continue;
    const reason = checkPolicy(policy, estate, subject, facts);
    if (reason) broken.push(violationOf(policy, reason));
  }
  const enforced = broken.filter((violation) => violation.enforcement === 'enforce');
  const overridable = (violation: Violation) =>
    breakGlass && OVERRIDABLE_KINDS.includes(violation.kind);
  return {
    violations: enforced.filter((violation) => !overridable(violation)),
    warnings: broken.filter((violation) => violation.enforcement === 'warn'),
    overridden: enforced.filter(overridable),
  };
}
