import { deprovisionNetwork } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from '../provisioning/input.ts';

/** Task: ask the driver to remove the estate's network; returns how long to wait. */
export const handler = taskHandler(
  'deprovision-network',
  EstateTaskInput,
  async ({ estate_id }) => ({
    estate_id,
    wait_seconds: await deprovisionNetwork(estate_id),
    polls: 0,
  }),
);
