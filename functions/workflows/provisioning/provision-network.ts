import { provisionNetwork } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from './input.ts';

/** Task: ask the estate's driver for its network; returns how long to wait before polling. */
export const handler = taskHandler(
  'provision-network',
  EstateTaskInput,
  async ({ estate_id }) => ({
    estate_id,
    wait_seconds: await provisionNetwork(estate_id),
    polls: 0,
  }),
);
