import type { Caller } from '../../platform/auth.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import {
  buildLockService,
  buildPutDeployment,
  getRolloutService,
  type RolloutService,
} from '../../store/deployments.ts';
import { getEstate } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import {
  buildPutWorkflowStart,
  type WorkflowStart,
} from '../../store/workflow-starts.ts';
import { nowIso } from '../common.ts';
import { breakGlassRecord } from '../policies/break-glass.ts';
import { judgeDeployment } from '../policies/deployment-policies.ts';
import { verdictPuts } from '../policies/policy-events.ts';
import { notRunning, requireDeployable } from './deployable.ts';
import {
  type CreateDeploymentInput,
  type Deployment,
  planRollout,
} from './deployment.ts';
import { deploymentEvent } from './deployment-events.ts';

/**
 * Starts a rolling deployment of an image to a service. Refused when the service is
 * not the caller's (404), not in the named environment or runs no image (422), is not
 * running yet (or failed), already runs that image, or is being deployed by another
 * deployment (409, naming it). The
 * deployment, the service's lock and the start of the deployment workflow are one
 * transaction, so a service is never locked by a deployment whose workflow was not
 * asked for; the table's stream starts the workflow a moment later.
 */
export async function createDeployment(
  input: CreateDeploymentInput,
  caller: Caller,
): Promise<Deployment> {
  const service = await getRolloutService(input.service_id);
  const estate = service && (await getEstate(service.estate_id));
  if (!service || !estate || estate.workspace_id !== caller.workspaceId) {
    throw new NotFoundError('service', input.service_id);
  }
  requireDeployable(service, estate, input);
  if (service.active_deployment_id) throw busy(service.id, service.active_deployment_id);
  const verdict = await judgeDeployment(estate, service, input, caller);
  const now = new Date();
  const deployment: Deployment = {
    deployment_id: await allocateId('DEPLOY', now),
    workspace_id: estate.workspace_id,
    estate_id: estate.id,
    environment_id: service.environment_id,
    service_id: service.id,
    strategy: input.strategy,
    status: 'in_progress',
    image: input.image,
    previous_image: service.current_image,
    plan: planRollout(replicasOf(service), input.rolling),
    batches_done: 0,
    batches_rolled_back: 0,
    cancel_requested: false,
    rollback_outcome: null,
    failure_reason: null,
    triggered_by: input.triggered_by ?? caller.subject,
    started_at: nowIso(now),
    updated_at: nowIso(now),
    finished_at: null,
    break_glass: breakGlassRecord(input.break_glass, caller, verdict, nowIso(now)),
  };
  try {
    await transact([
      { Put: buildPutDeployment(deployment) },
      { Update: buildLockService(service.id, deployment.deployment_id) },
      {
        Put: buildPutEvent(
          deploymentEvent(deployment, estate.service_line_id, 'started', now),
        ),
      },
      { Put: buildPutWorkflowStart(rollout(deployment.deployment_id), now) },
      ...verdictPuts(estate, verdict, policyTarget(deployment), now),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const current = await getRolloutService(service.id);
    if (current && current.status !== 'running') throw notRunning(current);
    throw busy(service.id, current?.active_deployment_id ?? 'unknown');
  }
  return deployment;
}

/** The deployment workflow's start, named after the deployment. */
const rollout = (deploymentId: string): WorkflowStart => ({
  workflow: 'deployment',
  executionName: deploymentId,
  input: { deployment_id: deploymentId },
});

const policyTarget = (deployment: Deployment) => ({
  action: 'create_deployment' as const,
  target_id: deployment.deployment_id,
  ...(deployment.break_glass
    ? { break_glass_reason: deployment.break_glass.reason }
    : {}),
});

function busy(serviceId: string, activeId: string): ConflictError {
  return new ConflictError(
    'deployment_in_progress',
    `Service ${serviceId} is being deployed by ${activeId}; wait for it to finish or cancel it.`,
    { active_deployment_id: activeId },
  );
}

/** Replicas a rollout moves: a container's replica count; a function rolls as one. */
function replicasOf(service: RolloutService): number {
  return 'replicas' in service.config ? Math.max(1, service.config.replicas) : 1;
}
