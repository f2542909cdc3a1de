import type { CloudDriver, WorkloadType } from './driver.ts';
import { simulatedHealth } from './health.ts';
import { workloadResourceName } from './names.ts';
import {
  after,
  permanent,
  refuse,
  type SimulatedContext,
  typeOf,
} from './simulated-context.ts';
import { intervalHours, meterUsage } from './usage.ts';

type WorkloadOperations = Pick<
  CloudDriver,
  'createWorkload' | 'removeWorkload' | 'rollBatch' | 'readHealth' | 'collectUsage'
>;

/** Workload types that run an image, and so can be rolled. */
const ROLLABLE: readonly WorkloadType[] = ['container_service', 'serverless_function'];

/**
 * How many replicas one batch moves: the replicas shared out as evenly as possible,
 * earlier batches taking one more when they do not divide.
 * @throws RangeError for counts that are not whole or a batch index out of range.
 */
export function batchShare(input: {
  readonly batchIndex: number;
  readonly batchCount: number;
  readonly replicas: number;
}): number {
  const { batchIndex, batchCount, replicas } = input;
  const whole = [batchIndex, batchCount, replicas].every(Number.isInteger);
  const inRange = batchIndex >= 0 && batchIndex < batchCount && replicas >= 0;
  if (!whole || !inRange)
    throw new RangeError(`Batch ${batchIndex} of ${batchCount} is not a batch.`);
  return Math.floor(replicas / batchCount) + (batchIndex < replicas % batchCount ? 1 : 0);
}

/**
 * Simulated workloads: names from the provider's conventions, rolls taking
 * SIM_BATCH_SECONDS, health by image tag and usage by formula.
 */
export function simulatedWorkloads(context: SimulatedContext): WorkloadOperations {
  const { provider, config, inject } = context;

  return {
    createWorkload: async (input) => {
      const subjects: [string, string] = [input.serviceId, input.serviceName];
      inject({ operation: 'createWorkload', subjects });
      return { providerResource: workloadResourceName(provider, input) };
    },

    removeWorkload: async ({ providerResource }) => {
      inject({ operation: 'removeWorkload', subjects: [providerResource] });
      typeOf(context, providerResource);
      return { removedAt: after(context, 0) };
    },

    rollBatch: async (input) => {
      const subjects: [string, string] = [input.deploymentId, input.providerResource];
      inject({ operation: 'rollBatch', subjects });
      if (!ROLLABLE.includes(typeOf(context, input.providerResource)))
        throw refuse(`${input.providerResource} runs no image to roll.`, input.image);
      const replicasUpdated = permanent(() => batchShare(input));

      return { replicasUpdated, completedAt: after(context, config.batchSeconds) };
    },

    readHealth: async ({ providerResource, image }) => {
      inject({ operation: 'readHealth', subjects: [providerResource, image] });
      typeOf(context, providerResource);
      return simulatedHealth(providerResource, image);
    },

    collectUsage: async (input) => {
      const subjects: [string, string] = [input.serviceId, input.providerResource];
      inject({ operation: 'collectUsage', subjects });
      if (typeOf(context, input.providerResource) !== input.type)
        throw refuse(`${input.providerResource} is not a ${input.type}.`, input.type);
      const hours = permanent(() => intervalHours(input.from, input.to));

      return { records: meterUsage(input.type, input.config, hours) };
    },
  };
}
