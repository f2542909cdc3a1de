import {
  DEPLOYMENT_POLL_SECONDS,
  MAX_DEPLOYMENT_POLLS,
  MAX_READINESS_POLLS,
} from '../../domain/estates/workflow-limits.ts';

/**
 * The workflows whose failures mark their subject failed: the estate's two, and a
 * service's provisioning.
 */
export type EstateWorkflow = 'provisioning' | 'deprovisioning' | 'service_provisioning';

/** What the fail task knows of how a workflow ended up failing. */
export interface WorkflowFailure {
  readonly workflow: EstateWorkflow;
  /** The error a Catch handed on; none when a polling loop ran out of checks. */
  readonly error?: { Error: string; Cause?: string | undefined } | undefined;
  /** Set when the teardown's last check found a service still being deployed. */
  readonly blocked_by_deployments?: boolean | undefined;
}

const NAMES: Record<EstateWorkflow, string> = {
  provisioning: 'Provisioning',
  deprovisioning: 'Deprovisioning',
  service_provisioning: 'Provisioning the service',
};

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

/** Why a polling loop gave up, when no task failed. */
function outOfChecks(failure: WorkflowFailure): string {
  if (failure.workflow === 'service_provisioning') return 'The workload was not created.';
  if (failure.workflow === 'provisioning')
    return `The network did not become ready within ${MAX_READINESS_POLLS} checks.`;
  if (!failure.blocked_by_deployments)
    return `The network was not removed within ${MAX_READINESS_POLLS} checks.`;
  const minutes = (MAX_DEPLOYMENT_POLLS * DEPLOYMENT_POLL_SECONDS) / 60;
  return (
    `Deployments kept running; the teardown gave up after ${MAX_DEPLOYMENT_POLLS} ` +
    `checks over ${minutes} minutes. Delete the estate again once they have ended.`
  );
}

/**
 * A reason users can read, naming the workflow that failed; internal error text never
 * reaches the estate's or service's record.
 */
export function failureReason(failure: WorkflowFailure): string {
  const { error } = failure;
  if (!error) return outOfChecks(failure);
  if (error.Error === 'PermanentDriverError' || error.Error === 'TransientDriverError') {
    return causeMessage(error.Cause) ?? 'The cloud provider refused the request.';
  }
  if (error.Error === 'States.Timeout')
    return failure.workflow === 'service_provisioning'
      ? 'Creating the workload timed out.'
      : `A ${failure.workflow} step timed out.`;
  return `${NAMES[failure.workflow]} failed because of an internal error.`;
}
