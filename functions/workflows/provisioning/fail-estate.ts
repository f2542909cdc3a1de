import * as z from 'zod/mini';
import { failEstate } from '../../domain/estates/estate-failure.ts';
import { taskHandler } from '../../platform/task.ts';
import { failureReason } from './failure-reason.ts';
import { CaughtError, EstateTaskInput } from './input.ts';

const Input = z.extend(EstateTaskInput, {
  error: z.optional(CaughtError),
  // An execution started from a definition older than `$.workflow` names none; its
  // reason stays worded as before, for provisioning.
  workflow: z._default(z.enum(['provisioning', 'deprovisioning']), 'provisioning'),
  blocked_by_deployments: z.optional(z.boolean()),
});

/** Task: mark the estate failed with a readable reason and emit infrastructure.estate.failed. */
export const handler = taskHandler('fail-estate', Input, async (input) => {
  await failEstate(input.estate_id, failureReason(input));
  return { estate_id: input.estate_id, status: 'failed' };
});
