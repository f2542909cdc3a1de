import type { Deployment } from './deployment.ts';
import type { DeploymentResource } from './deployment-schema.ts';

/** The deployment as the API shows it: the spec's fields first, then progress. */
export function toDeploymentResource(deployment: Deployment): DeploymentResource {
  const current =
    deployment.status === 'succeeded'
      ? deployment.image
      : (deployment.previous_image ?? deployment.image);
  return {
    deployment_id: deployment.deployment_id,
    status: deployment.status,
    strategy: deployment.strategy,
    started_at: deployment.started_at,
    environment_id: deployment.environment_id,
    service_id: deployment.service_id,
    estate_id: deployment.estate_id,
    image: deployment.image,
    previous_image: deployment.previous_image,
    current_image: current,
    progress: {
      batches_done: deployment.batches_done,
      batches_total: deployment.plan.batch_count,
      batches_rolled_back: deployment.batches_rolled_back,
      batch_size: deployment.plan.batch_size,
      replicas: deployment.plan.replicas,
      max_unavailable: deployment.plan.max_unavailable,
      min_health_score: deployment.plan.min_health_score,
    },
    cancel_requested: deployment.cancel_requested,
    failure_reason: deployment.failure_reason,
    triggered_by: deployment.triggered_by,
    updated_at: deployment.updated_at,
    finished_at: deployment.finished_at,
    break_glass: deployment.break_glass
      ? {
          ...deployment.break_glass,
          overridden_policy_ids: [...deployment.break_glass.overridden_policy_ids],
        }
      : null,
  };
}
