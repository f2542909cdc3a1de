import { completeDeprovisioning } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from '../provisioning/input.ts';

/** Task: mark the estate deprovisioned and emit infrastructure.estate.deprovisioned. */
export const handler = taskHandler(
  'complete-deprovisioning',
  EstateTaskInput,
  async ({ estate_id }) => {
    await completeDeprovisioning(estate_id);
    return { estate_id, status: 'deprovisioned' };
  },
);
