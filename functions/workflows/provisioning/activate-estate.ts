import { activateEstate } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from './input.ts';

/** Task: mark the estate active and emit infrastructure.estate.ready. */
export const handler = taskHandler(
  'activate-estate',
  EstateTaskInput,
  async ({ estate_id }) => {
    await activateEstate(estate_id);
    return { estate_id };
  },
);
