import * as z from 'zod/mini';
import { failService } from '../../domain/services/service-failure.ts';
import { taskHandler } from '../../platform/task.ts';
import { failureReason } from '../provisioning/failure-reason.ts';
import { CaughtError } from '../provisioning/input.ts';
import { ServiceTaskInput } from './input.ts';

const Input = z.extend(ServiceTaskInput, { error: z.optional(CaughtError) });

/** Task: mark the service failed with a readable reason and emit infrastructure.service.failed. */
export const handler = taskHandler('fail-service', Input, async (input) => {
  const reason = failureReason({ workflow: 'service_provisioning', error: input.error });
  return {
    service_id: input.service_id,
    status: await failService(input.service_id, reason),
  };
});
