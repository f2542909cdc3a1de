import * as z from 'zod/mini';
import { networkReady } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from './input.ts';

const Input = z.extend(EstateTaskInput, {
  polls: z._default(z.number().check(z.int(), z.gte(0)), 0),
});

/** Task: poll the network's readiness; counts polls so the workflow can give up. */
export const handler = taskHandler(
  'check-network',
  Input,
  async ({ estate_id, polls }) => ({
    estate_id,
    ready: await networkReady(estate_id),
    polls: polls + 1,
    wait_seconds: 5,
  }),
);
