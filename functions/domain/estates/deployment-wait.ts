// Kept apart from tear-down-contents.ts so the CDK app and the fail task can read the
// limits without loading the table modules.

/** Seconds a teardown waits before it checks again whether deployments have ended. */
export const DEPLOYMENT_POLL_SECONDS = 30;

/**
 * Checks for running deployments before a teardown gives up: 180 checks, 30 seconds
 * apart, hold it for an hour and a half, inside the workflow's two-hour ceiling.
 */
export const MAX_DEPLOYMENT_POLLS = 180;
