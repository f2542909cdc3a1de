import * as z from 'zod/mini';
import { failEstate, MAX_READINESS_POLLS } from '../../domain/estates/provisioning.ts';
import { taskHandler } from '../../platform/task.ts';
import { CaughtError, EstateTaskInput } from './input.ts';

const Input = z.extend(EstateTaskInput, { error: z.optional(CaughtError) });

/** Lambda wraps a thrown error's message in a JSON Cause on AWS; locally it is plain. */
function causeMessage(cause: string | undefined): string | undefined {
  if (!cause?.startsWith('{')) return cause;
  try {
    const parsed: unknown = JSON.parse(cause);
    const message = (parsed as { errorMessage?: unknown }).errorMessage;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return cause;
  }
}

/** Reasons users can read; internal error text never reaches the estate record. */
function reasonFor(
  error: { Error: string; Cause?: string | undefined } | undefined,
): string {
  if (!error)
    return `The network did not become ready within ${MAX_READINESS_POLLS} checks.`;
  if (error.Error === 'PermanentDriverError' || error.Error === 'TransientDriverError') {
    return causeMessage(error.Cause) ?? 'The cloud provider refused the request.';
  }
  if (error.Error === 'States.Timeout') return 'A provisioning step timed out.';
  return 'Provisioning failed because of an internal error.';
}

/** Task: mark the estate failed with a readable reason and emit infrastructure.estate.failed. */
export const handler = taskHandler('fail-estate', Input, async ({ estate_id, error }) => {
  await failEstate(estate_id, reasonFor(error));
  return { estate_id, status: 'failed' };
});
