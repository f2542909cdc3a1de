import * as z from 'zod/mini';
import { tearDownContents } from '../../domain/estates/tear-down-contents.ts';
import { DEPLOYMENT_POLL_SECONDS } from '../../domain/estates/workflow-limits.ts';
import { taskHandler } from '../../platform/task.ts';
import { EstateTaskInput } from '../provisioning/input.ts';

const Input = z.extend(EstateTaskInput, {
  polls: z._default(z.number().check(z.int(), z.gte(0)), 0),
});

/**
 * Task: remove the estate's services and environments before its network. A service
 * still being deployed is not an error: the task says it is blocked and how long to
 * wait, and counts the checks, so the workflow waits and asks again.
 */
export const handler = taskHandler(
  'tear-down-contents',
  Input,
  async ({ estate_id, polls }) => {
    const { blocked_by, ...removed } = await tearDownContents(estate_id);
    if (!blocked_by)
      return { estate_id, blocked_by_deployments: false, contents_removed: removed };
    return {
      estate_id,
      blocked_by_deployments: true,
      blocked_by,
      wait_seconds: DEPLOYMENT_POLL_SECONDS,
      polls: polls + 1,
    };
  },
);
