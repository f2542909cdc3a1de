import * as z from 'zod/mini';
import { DeploymentId } from '../../domain/deployments/deployment.ts';
import { CaughtError } from '../provisioning/input.ts';

/** What every deployment task receives: the deployment's ID, and a caught error if any. */
export const DeploymentTaskInput = z.object({
  deployment_id: DeploymentId,
  error: z.optional(CaughtError),
});

/** A caught error as a sentence users can read; internals never reach the record. */
export function failureReason(
  error: z.output<typeof CaughtError> | undefined,
): string | undefined {
  if (!error) return undefined;
  if (error.Error === 'PermanentDriverError' || error.Error === 'TransientDriverError') {
    return `The cloud provider refused the rollout (${error.Error === 'PermanentDriverError' ? 'permanent' : 'repeated transient'} error).`;
  }
  if (error.Error === 'States.Timeout') return 'A deployment step timed out.';
  return 'The deployment failed because of an internal error.';
}
