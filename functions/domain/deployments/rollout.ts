import { driverFor } from '../../drivers/registry.ts';
import {
  buildReleaseService,
  buildUpdateDeployment,
  getDeployment,
  getRolloutService,
  type RolloutService,
} from '../../store/deployments.ts';
import { type EstateItem, getEstate } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { promotionPuts } from '../policies/promotion-record.ts';
import { blendedScore, type Deployment } from './deployment.ts';
import { deploymentEvent } from './deployment-events.ts';

/** What the workflow does next; its Choice state branches on it. */
export type NextStep =
  | 'roll'
  | 'check'
  | 'complete'
  | 'rollback'
  | 'rollback_wait'
  | 'finish';

export interface StepResult {
  readonly next: NextStep;
  readonly wait_seconds: number;
}

interface Context {
  readonly deployment: Deployment;
  /** Deployments start on running services only, which have their workload. */
  readonly service: RolloutService & { readonly provider_resource: string };
  readonly estate: EstateItem;
}

async function load(deploymentId: string): Promise<Context> {
  const deployment = await getDeployment(deploymentId);
  if (!deployment) throw new Error(`deployment ${deploymentId} does not exist`);
  const service = await getRolloutService(deployment.service_id);
  const estate = await getEstate(deployment.estate_id);
  if (!service || !estate)
    throw new Error(`deployment ${deploymentId} lost its service or estate`);
  const providerResource = service.provider_resource;
  if (!providerResource)
    throw new Error(`deployment ${deploymentId} targets a service with no workload`);
  return {
    deployment,
    service: { ...service, provider_resource: providerResource },
    estate,
  };
}

const step = (next: NextStep, wait = 1): StepResult => ({
  next,
  wait_seconds: Math.max(1, wait),
});
const secondsUntil = (instant: string) =>
  Math.ceil((Date.parse(instant) - Date.now()) / 1000);

/** Moves an in-progress deployment to rolling back; a second call changes nothing. */
async function startRollback(
  deployment: Deployment,
  outcome: 'rolled_back' | 'cancelled' | 'failed',
  reason: string | null,
) {
  try {
    await transact([
      {
        Update: buildUpdateDeployment(deployment.deployment_id, ['in_progress'], {
          status: 'rolling_back',
          rollback_outcome: outcome,
          failure_reason: reason,
          updated_at: nowIso(),
        }),
      },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
}

/** Rolls the next batch to the new image, unless a cancel arrived first. */
export async function rollNextBatch(deploymentId: string): Promise<StepResult> {
  const { deployment, service, estate } = await load(deploymentId);
  if (deployment.status === 'rolling_back') return step('rollback');
  if (deployment.cancel_requested) {
    await startRollback(deployment, 'cancelled', null);
    return step('rollback');
  }
  if (deployment.batches_done >= deployment.plan.batch_count) return step('complete');
  const roll = await driverFor(estate.provider).rollBatch({
    deploymentId,
    providerResource: service.provider_resource,
    image: deployment.image,
    batchIndex: deployment.batches_done,
    batchCount: deployment.plan.batch_count,
    replicas: deployment.plan.replicas,
  });
  await advance(deploymentId, 'batches_done', deployment.batches_done);
  return step('check', secondsUntil(roll.completedAt));
}

/** Counts one more batch done (or rolled back); a retried task cannot count twice. */
async function advance(
  deploymentId: string,
  counter: 'batches_done' | 'batches_rolled_back',
  from: number,
) {
  const update = buildUpdateDeployment(deploymentId, ['in_progress', 'rolling_back'], {
    [counter]: from + 1,
    updated_at: nowIso(),
  });
  try {
    await transact([
      {
        Update: {
          ...update,
          ConditionExpression: `${update.ConditionExpression} AND #counter = :counter`,
          ExpressionAttributeNames: {
            ...update.ExpressionAttributeNames,
            '#counter': counter,
          },
          ExpressionAttributeValues: {
            ...update.ExpressionAttributeValues,
            ':counter': from,
          },
        },
      },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
}

/**
 * The health gate after a batch: the service's blended health (each image's score
 * weighted by the replicas running it) must reach the plan's minimum.
 */
export async function checkBatch(deploymentId: string): Promise<StepResult> {
  const { deployment, service, estate } = await load(deploymentId);
  if (deployment.status === 'rolling_back') return step('rollback');
  if (deployment.cancel_requested) {
    await startRollback(deployment, 'cancelled', null);
    return step('rollback');
  }
  const driver = driverFor(estate.provider);
  const reading = (image: string) =>
    driver.readHealth({ providerResource: service.provider_resource, image });
  const fresh = await reading(deployment.image);
  const old = deployment.previous_image
    ? await reading(deployment.previous_image)
    : fresh;
  const { plan } = deployment;
  const updated = Math.min(plan.replicas, deployment.batches_done * plan.batch_size);
  const score = blendedScore(fresh.score, old.score, updated, plan.replicas);
  if (score < plan.min_health_score) {
    const reason =
      `Batch ${deployment.batches_done} of ${plan.batch_count} turned unhealthy: ` +
      `health score ${score} is below ${plan.min_health_score}.`;
    await startRollback(deployment, 'rolled_back', reason);
    return step('rollback');
  }
  return step(deployment.batches_done < plan.batch_count ? 'roll' : 'complete');
}

/** Ends a deployment that rolled out fully: the service now runs the new image. */
export async function completeDeployment(deploymentId: string): Promise<StepResult> {
  const { deployment, estate } = await load(deploymentId);
  if (deployment.status === 'succeeded') return step('finish');
  const now = new Date();
  const done: Deployment = {
    ...deployment,
    status: 'succeeded',
    updated_at: nowIso(now),
    finished_at: nowIso(now),
  };
  const promotion = await promotionPuts(done, done.updated_at);
  await transact([
    {
      Update: buildUpdateDeployment(deploymentId, ['in_progress'], {
        status: done.status,
        updated_at: done.updated_at,
        finished_at: done.finished_at,
      }),
    },
    {
      Update: buildReleaseService(
        deployment.service_id,
        deploymentId,
        deployment.image,
        done.updated_at,
      ),
    },
    {
      Put: buildPutEvent(deploymentEvent(done, estate.service_line_id, 'succeeded', now)),
    },
    ...promotion,
  ]);
  return step('finish');
}

/** Rolls the most recent finished batch back to the previous image. */
export async function rollBackBatch(
  deploymentId: string,
  failure?: string,
): Promise<StepResult> {
  const context = await load(deploymentId);
  const { service, estate } = context;
  let { deployment } = context;
  if (deployment.status === 'in_progress') {
    await startRollback(deployment, 'failed', failure ?? 'The deployment failed.');
    deployment = (await load(deploymentId)).deployment;
  }
  const remaining = deployment.batches_done - deployment.batches_rolled_back;
  if (remaining <= 0) return step('finish');
  let wait = 1;
  if (deployment.previous_image) {
    const roll = await driverFor(estate.provider).rollBatch({
      deploymentId,
      providerResource: service.provider_resource,
      image: deployment.previous_image,
      batchIndex: remaining - 1,
      batchCount: deployment.plan.batch_count,
      replicas: deployment.plan.replicas,
    });
    wait = secondsUntil(roll.completedAt);
  }
  await advance(deploymentId, 'batches_rolled_back', deployment.batches_rolled_back);
  return step(remaining - 1 > 0 ? 'rollback_wait' : 'finish', wait);
}

/** Ends a rolled-back deployment as rolled_back, cancelled or failed, and frees the service. */
export async function finishRollback(
  deploymentId: string,
  failure?: string,
): Promise<void> {
  const { deployment, estate } = await load(deploymentId);
  if (deployment.finished_at) return;
  // A failure handed in means the rollback itself broke: the deployment failed.
  const outcome = failure ? 'failed' : (deployment.rollback_outcome ?? 'failed');
  const now = new Date();
  const reason =
    failure ??
    deployment.failure_reason ??
    (outcome === 'failed' ? 'The rollback did not finish.' : null);
  const ended: Deployment = {
    ...deployment,
    status: outcome,
    failure_reason: reason,
    updated_at: nowIso(now),
    finished_at: nowIso(now),
  };
  await transact([
    {
      Update: buildUpdateDeployment(deploymentId, ['in_progress', 'rolling_back'], {
        status: ended.status,
        failure_reason: ended.failure_reason,
        updated_at: ended.updated_at,
        finished_at: ended.finished_at,
      }),
    },
    {
      Update: buildReleaseService(
        deployment.service_id,
        deploymentId,
        null,
        ended.updated_at,
      ),
    },
    { Put: buildPutEvent(deploymentEvent(ended, estate.service_line_id, outcome, now)) },
  ]);
}
