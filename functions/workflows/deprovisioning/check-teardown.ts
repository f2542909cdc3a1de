import * as z from 'zod/mini';
import { networkRemoved } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from '../provisioning/input.ts';

const Input = z.extend(EstateTaskInput, {
  polls: z._default(z.number().check(z.int(), z.gte(0)), 0),
});

/** Task: poll whether the network is gone. */
export const handler = taskHandler(
  'check-teardown',
  Input,
  async ({ estate_id, polls }) => ({
    estate_id,
    removed: await networkRemoved(estate_id),
    polls: polls + 1,
    wait_seconds: 5,
  }),
);
