import { divideHalfUp } from '../../platform/money.ts';
import { monthCostOf } from '../../store/month-costs.ts';
import { allPolicies } from '../../store/policies.ts';
import { monthOf } from '../costs/dates.ts';
import type { Estate } from '../estates/estate.ts';
import { evaluate } from './evaluate.ts';
import { gatherFacts } from './gather-facts.ts';
import { PolicyDeniedError } from './policy-denied.ts';
import type { EstateFacts, PolicySubject } from './subject.ts';
import type { Verdict } from './violation.ts';

export interface EvaluationOptions {
  /** Set aside broken deployment windows and freezes (an admin's break-glass). */
  readonly breakGlass?: boolean;
  readonly now?: Date;
}

const FEMTOS_PER_MICRO = 1_000_000_000n;

/**
 * What the estate read contributes to a verdict. Its month to date is the current
 * month's cost on its own item, as metering adds it up; it comes with the estate.
 */
export const estateFacts = (
  estate: Pick<Estate, 'id' | 'region' | 'project_tags'>,
  now: Date,
): EstateFacts => ({
  id: estate.id,
  region: estate.region,
  project_tags: estate.project_tags,
  cost_mtd_micros: Number(
    divideHalfUp(monthCostOf(estate, monthOf(now)), FEMTOS_PER_MICRO),
  ),
});

/**
 * Judges a change against the estate's active policies: one Query for the policies,
 * plus only the reads a governing policy needs. The subject may be a function, so
 * what it costs to describe (an environment read) is spent only when policies exist.
 * Never throws for a broken policy.
 */
export async function evaluatePolicies(
  estate: Estate,
  subject: PolicySubject | (() => Promise<PolicySubject>),
  options: EvaluationOptions = {},
): Promise<Verdict> {
  const now = options.now ?? new Date();
  const policies = (await allPolicies(estate.id)).filter(
    (policy) => policy.status === 'active',
  );
  if (policies.length === 0) return { violations: [], warnings: [], overridden: [] };
  const judged = typeof subject === 'function' ? await subject() : subject;
  const facts = await gatherFacts(policies, estate.id, judged, now);
  return evaluate(policies, estateFacts(estate, now), judged, facts, options.breakGlass);
}

/** Like evaluatePolicies, but a broken `enforce` policy is a 422 `policy_denied`. */
export async function enforcePolicies(
  estate: Estate,
  subject: PolicySubject | (() => Promise<PolicySubject>),
  options: EvaluationOptions = {},
): Promise<Verdict> {
  const verdict = await evaluatePolicies(estate, subject, options);
  if (verdict.violations.length > 0) throw new PolicyDeniedError(verdict);
  return verdict;
}
