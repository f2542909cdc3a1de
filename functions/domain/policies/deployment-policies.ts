import type { Caller } from '../../platform/auth.ts';
import type { Estate } from '../estates/estate.ts';
import type { Service } from '../services/service.ts';
import { type BreakGlassInput, requireBreakGlassScope } from './break-glass.ts';
import { enforcePolicies, evaluatePolicies } from './evaluate-policies.ts';
import { deploymentSubject } from './subjects.ts';
import type { Verdict } from './violation.ts';

export interface DeploymentRequest {
  readonly image: string;
  readonly break_glass?: BreakGlassInput | undefined;
}

/**
 * Judges a deployment against the estate's policies. A `break_glass` needs the admin
 * scope (403 otherwise) and sets aside broken windows and freezes. With `enforce`,
 * any other broken `enforce` policy is a 422 `policy_denied`.
 */
export async function judgeDeployment(
  estate: Estate,
  service: Pick<Service, 'id' | 'type' | 'environment_id'>,
  request: DeploymentRequest,
  caller: Caller,
  enforce = true,
): Promise<Verdict> {
  requireBreakGlassScope(caller, request.break_glass);
  const subject = deploymentSubject(service, request.image);
  const options = { breakGlass: request.break_glass !== undefined };
  return enforce
    ? enforcePolicies(estate, subject, options)
    : evaluatePolicies(estate, subject, options);
}
