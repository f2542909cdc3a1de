import * as z from 'zod/mini';
import { Timestamp } from '../resource-fields.ts';
import { DEPLOYMENT_STATUSES } from './deployment.ts';

// Documentation only: the OpenAPI document reads this schema; no function loads it,
// so none ships it.

const count = () => z.int().check(z.gte(0));

/** The deployment as the API shows it; toDeploymentResource is typed against it. */
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
