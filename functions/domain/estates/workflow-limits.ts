// The estate workflows' limits, kept apart from the modules that do the work so the
// CDK app and the fail task can read them without loading the table modules or the
// cloud drivers.

/** Polls of the network's readiness (or of its removal) before a workflow gives up. */
export const MAX_READINESS_POLLS = 60;

/** Seconds a teardown waits before it checks again whether deployments have ended. */
export const DEPLOYMENT_POLL_SECONDS = 30;

/**
 * Checks for running deployments before a teardown gives up: 180 checks, 30 seconds
 * apart, hold it for an hour and a half, inside the workflow's two-hour ceiling.
 */
export const MAX_DEPLOYMENT_POLLS = 180;
