import type { Caller } from '../../platform/auth.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { type EstateItem, getEstate } from '../../store/estates.ts';
import { getService } from '../../store/services.ts';
import { requireDeployable } from '../deployments/deployable.ts';
import type { CreateDeploymentInput } from '../deployments/deployment.ts';
import type { CreateEnvironmentInput, Environment } from '../environments/environment.ts';
import { requireAccepting } from '../estates/accepting.ts';
import { type CreateEstateInput, defaultZones } from '../estates/estate.ts';
import type { CreateServiceInput } from '../services/service.ts';
import {
  deploymentCostImpact,
  environmentCostImpact,
  estateCostImpact,
  serviceCostImpact,
} from './cost-impact.ts';
import { judgeDeployment } from './deployment-policies.ts';
import { evaluatePolicies } from './evaluate-policies.ts';
import { environmentSubject, serviceSubject } from './subjects.ts';
import { verdictResult } from './validate-only.ts';

const NO_POLICIES = { violations: [], warnings: [], overridden: [] };

/** A new estate has no policies yet: the verdict is always valid. */
export function validateEstate(input: CreateEstateInput) {
  return verdictResult(NO_POLICIES, estateCostImpact(input, defaultZones(input).length));
}

/** Judges a new environment without creating it. */
export async function validateEnvironment(
  estate: EstateItem,
  input: CreateEnvironmentInput,
) {
  requireAccepting(estate);
  const verdict = await evaluatePolicies(estate, environmentSubject(input));
  return verdictResult(verdict, environmentCostImpact());
}

/** Judges a new service without creating its workload or record. */
export async function validateService(
  estate: EstateItem,
  environment: Environment,
  input: CreateServiceInput,
) {
  requireAccepting(estate);
  const verdict = await evaluatePolicies(estate, serviceSubject(environment, input));
  return verdictResult(verdict, serviceCostImpact(input.type, input.config));
}

/**
 * Judges a deployment without starting it. Ownership and what the service can take
 * (its environment, type, status, estate and current image) are checked as a real
 * deployment checks them; whether another deployment is running is not, since that
 * can change before the real request.
 */
export async function validateDeployment(input: CreateDeploymentInput, caller: Caller) {
  const service = await getService(input.service_id);
  const estate = service && (await getEstate(service.estate_id));
  if (!service || !estate || estate.workspace_id !== caller.workspaceId)
    throw new NotFoundError('service', input.service_id);
  requireDeployable(service, estate, input);
  const verdict = await judgeDeployment(estate, service, input, caller, false);
  const replicas = 'replicas' in service.config ? service.config.replicas : 1;
  return verdictResult(verdict, deploymentCostImpact(replicas));
}
