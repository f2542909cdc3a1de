import type { EventType } from '../events.ts';
import { newEvent, type PlatformEvent } from '../events.ts';
import type { Deployment } from './deployment.ts';

export type DeploymentAction =
  | 'started'
  | 'succeeded'
  | 'failed'
  | 'rolled_back'
  | 'cancelled';

/** An `infrastructure.deployment.*` event with a compact snapshot of the deployment. */
export function deploymentEvent(
  deployment: Deployment,
  serviceLineId: string | null,
  action: DeploymentAction,
  now: Date,
): PlatformEvent {
  return newEvent(
    {
      type: `infrastructure.deployment.${action}` as EventType,
      workspace_id: deployment.workspace_id,
      estate_id: deployment.estate_id,
      service_line_id: serviceLineId,
      subject_id: deployment.deployment_id,
      data: {
        service_id: deployment.service_id,
        environment_id: deployment.environment_id,
        status: deployment.status,
        image: deployment.image,
        previous_image: deployment.previous_image,
        batches_done: deployment.batches_done,
        batches_total: deployment.plan.batch_count,
        failure_reason: deployment.failure_reason,
      },
    },
    now.toISOString(),
  );
}
