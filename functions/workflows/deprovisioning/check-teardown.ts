import * as z from 'zod';
import { networkRemoved } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from '../provisioning/input.ts';

const Input = EstateTaskInput.extend({ polls: z.number().int().min(0).default(0) });

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
