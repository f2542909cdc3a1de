import { allocateServiceLine } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from './input.ts';

/** Task: give the estate its LIN-* service line. */
export const handler = taskHandler(
  'allocate-service-line',
  EstateTaskInput,
  async ({ estate_id }) => ({
    estate_id,
    service_line_id: await allocateServiceLine(estate_id),
  }),
);
