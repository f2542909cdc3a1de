import {
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';

const sfn = new SFNClient({});

/** The workflows the API starts, each named by the env var holding its ARN. */
export const WORKFLOWS = {
  provisioning: 'PROVISIONING_STATE_MACHINE_ARN',
  deprovisioning: 'DEPROVISIONING_STATE_MACHINE_ARN',
  deployment: 'DEPLOYMENT_STATE_MACHINE_ARN',
} as const;

export type WorkflowName = keyof typeof WORKFLOWS;

/**
 * Starts a workflow execution with a deterministic name. Step Functions refuses a
 * second execution with the same name, so a retried start never runs the work twice;
 * that refusal is taken as "already started".
 */
export async function startWorkflow(
  workflow: WorkflowName,
  name: string,
  input: object,
): Promise<void> {
  const stateMachineArn = process.env[WORKFLOWS[workflow]];
  if (!stateMachineArn) throw new Error(`${WORKFLOWS[workflow]} is not set`);
  try {
    await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
    );
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) return;
    throw error;
  }
}
