import { tearDownContents } from '../../domain/estates/tear-down-contents.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from '../provisioning/input.ts';

/** Task: remove the estate's services and environments before its network. */
export const handler = taskHandler(
  'tear-down-contents',
  EstateTaskInput,
  async ({ estate_id }) => ({
    estate_id,
    contents_removed: await tearDownContents(estate_id),
  }),
);
