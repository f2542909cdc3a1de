import type * as z from 'zod/mini';
import { platformId } from '../common.ts';
import type { BreakGlassRecord } from '../policies/break-glass.ts';
import type { CreateDeploymentBody } from './deployment-body.ts';

export const DEPLOYMENT_STATUSES = [
  'in_progress',
  'rolling_back',
  'succeeded',
  'rolled_back',
  'cancelled',
  'failed',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/** Statuses a deployment never leaves. */
export const FINAL_STATUSES: readonly DeploymentStatus[] = [
  'succeeded',
  'rolled_back',
  'cancelled',
  'failed',
];

export const DeploymentId = platformId('DEPLOY');

/** Health score below which a batch counts as unhealthy. */
export const DEFAULT_MIN_HEALTH_SCORE = 60;

export type CreateDeploymentInput = z.output<typeof CreateDeploymentBody>;

export interface RolloutPlan {
  readonly replicas: number;
  readonly batch_size: number;
  readonly batch_count: number;
  readonly max_unavailable: number;
  readonly min_health_score: number;
}

/**
 * Plans the batches of a rolling deployment. Defaults: a quarter of the replicas per
 * batch (at least one), at most one replica unavailable at a time beyond the batch, and
 * the default health threshold. A batch never exceeds the replicas.
 */
export function planRollout(
  replicas: number,
  options: CreateDeploymentInput['rolling'],
): RolloutPlan {
  const batchSize = Math.min(
    replicas,
    options.batch_size ?? Math.max(1, Math.ceil(replicas / 4)),
  );
  return {
    replicas,
    batch_size: batchSize,
    batch_count: Math.ceil(replicas / batchSize),
    max_unavailable: Math.min(batchSize, options.max_unavailable ?? 1),
    min_health_score: options.min_health_score ?? DEFAULT_MIN_HEALTH_SCORE,
  };
}

/** A deployment as stored and shown. */
export interface Deployment {
  readonly deployment_id: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly environment_id: string;
  readonly service_id: string;
  readonly strategy: 'rolling';
  readonly status: DeploymentStatus;
  readonly image: string;
  readonly previous_image: string | null;
  readonly plan: RolloutPlan;
  readonly batches_done: number;
  readonly batches_rolled_back: number;
  readonly cancel_requested: boolean;
  /** How a rollback will end the deployment, once one has started. */
  readonly rollback_outcome: 'rolled_back' | 'cancelled' | 'failed' | null;
  readonly failure_reason: string | null;
  readonly triggered_by: string | null;
  readonly started_at: string;
  readonly updated_at: string;
  readonly finished_at: string | null;
  /** The break-glass override the deployment was started with, if any. */
  readonly break_glass?: BreakGlassRecord | null;
}

/**
 * Replicas' blended health: each image's score weighted by the replicas running it.
 * This is what the health gate judges after every batch.
 */
export function blendedScore(
  newScore: number,
  oldScore: number,
  updated: number,
  replicas: number,
): number {
  if (replicas <= 0) return newScore;
  return Math.round((newScore * updated + oldScore * (replicas - updated)) / replicas);
}
