import * as z from 'zod/mini';
import { Timestamp } from '../fields.ts';
import { DEPLOYMENT_STATUSES, type Deployment } from './deployment.ts';

const count = () => z.int().check(z.gte(0));

/** The deployment as the API shows it; the projection below is typed against it. */
export const DeploymentResource = z
  .object({
    deployment_id: z.string(),
    status: z.enum(DEPLOYMENT_STATUSES),
    strategy: z.literal('rolling'),
    started_at: Timestamp,
    environment_id: z.string(),
    service_id: z.string(),
    estate_id: z.string(),
    image: z.string(),
    previous_image: z.nullable(z.string()),
    current_image: z.string().check(
      z.meta({
        description: 'The image the service runs now, as far as this deployment knows.',
      }),
    ),
    progress: z.object({
      batches_done: count(),
      batches_total: count(),
      batches_rolled_back: count(),
      batch_size: count(),
      replicas: count(),
      max_unavailable: count(),
      min_health_score: z.int().check(z.gte(0), z.lte(100)),
    }),
    cancel_requested: z.boolean(),
    failure_reason: z.nullable(z.string()),
    triggered_by: z.nullable(z.string()),
    updated_at: Timestamp,
    finished_at: z.nullable(Timestamp),
    break_glass: z
      .nullable(
        z.object({
          reason: z.string(),
          by: z.string(),
          at: Timestamp,
          overridden_policy_ids: z.array(z.string()),
        }),
      )
      .check(
        z.meta({
          description:
            'The break-glass override the deployment was started with, if any.',
        }),
      ),
  })
  .check(z.meta({ id: 'Deployment' }));

export type DeploymentResource = z.output<typeof DeploymentResource>;

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
