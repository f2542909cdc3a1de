/**
 * The workflows the API asks for, each named by the environment variable that holds
 * its state machine's ARN in the function that starts it.
 */
export const WORKFLOWS = {
  provisioning: 'PROVISIONING_STATE_MACHINE_ARN',
  deprovisioning: 'DEPROVISIONING_STATE_MACHINE_ARN',
  deployment: 'DEPLOYMENT_STATE_MACHINE_ARN',
  service_provisioning: 'SERVICE_PROVISIONING_STATE_MACHINE_ARN',
} as const;

export type WorkflowName = keyof typeof WORKFLOWS;

/** Whether a stored name is one of the workflows, rather than anything else. */
export const isWorkflowName = (name: string): name is WorkflowName =>
  Object.hasOwn(WORKFLOWS, name);
