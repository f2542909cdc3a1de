import {
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
  type StartExecutionCommandInput,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/events/start-workflows.ts';
import { WORKFLOWS, type WorkflowName } from '../../../functions/platform/workflows.ts';
import {
  buildPutWorkflowStart,
  type WorkflowStart,
} from '../../../functions/store/workflow-starts.ts';
import { anEvent, outboxItem, sequenceNumber, streamRecord } from './factories.ts';

const MACHINES: Record<WorkflowName, string> = {
  provisioning: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Provisioning',
  deprovisioning: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Deprovisioning',
  deployment: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Rollout',
  service_provisioning:
    'arn:aws:states:eu-west-1:123456789012:stateMachine:ServiceProvisioning',
};
for (const [workflow, arn] of Object.entries(MACHINES))
  process.env[WORKFLOWS[workflow as WorkflowName]] = arn;

const sfn = mockClient(SFNClient);

const provisioning = (estateId: string): WorkflowStart => ({
  workflow: 'provisioning',
  executionName: estateId,
  input: { estate_id: estateId },
});

/** The item a request writes for a start, as the stream's new image carries it. */
const startItem = (start: WorkflowStart) =>
  buildPutWorkflowStart(start, new Date('2026-12-04T12:00:00.000Z')).Item;

/** A stream batch of one INSERT per start, numbered from 1. */
const batchOf = (...starts: WorkflowStart[]) => ({
  Records: starts.map((start, index) =>
    streamRecord('INSERT', startItem(start), index + 1),
  ),
});

const started = (): StartExecutionCommandInput[] =>
  sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input);

const alreadyExists = () =>
  new ExecutionAlreadyExists({ message: 'Execution Already Exists', $metadata: {} });

beforeEach(() => {
  sfn.reset();
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn', startDate: new Date() });
});

describe('start-workflows handler', () => {
  it.each([
    provisioning('ESTATE-26-000004'),
    {
      workflow: 'deprovisioning',
      executionName: 'ESTATE-26-000004-deprovision-3',
      input: { estate_id: 'ESTATE-26-000004' },
    },
    {
      workflow: 'deployment',
      executionName: 'DEPLOY-26-001221',
      input: { deployment_id: 'DEPLOY-26-001221' },
    },
  ] as const)(
    'starts the $workflow state machine under the execution’s name',
    async (start) => {
      const response = await handler(batchOf(start));

      expect(response).toEqual({ batchItemFailures: [] });
      expect(started()).toEqual([
        {
          stateMachineArn: MACHINES[start.workflow],
          name: start.executionName,
          input: JSON.stringify(start.input),
        },
      ]);
    },
  );

  it('starts a start that was written again', async () => {
    const start = provisioning('ESTATE-26-000004');

    await handler({ Records: [streamRecord('MODIFY', startItem(start), 1)] });

    expect(started().map((input) => input.name)).toEqual(['ESTATE-26-000004']);
  });

  it('takes an execution that already exists as started and goes on', async () => {
    sfn.on(StartExecutionCommand, { name: 'ESTATE-26-000004' }).rejects(alreadyExists());

    const response = await handler(
      batchOf(provisioning('ESTATE-26-000004'), provisioning('ESTATE-26-000005')),
    );

    expect(response).toEqual({ batchItemFailures: [] });
    expect(started().map((input) => input.name)).toEqual([
      'ESTATE-26-000004',
      'ESTATE-26-000005',
    ]);
  });

  it('reports the first start that fails and starts none after it', async () => {
    sfn
      .on(StartExecutionCommand, { name: 'ESTATE-26-000005' })
      .rejects(new Error('Rate exceeded'));

    const response = await handler(
      batchOf(
        provisioning('ESTATE-26-000004'),
        provisioning('ESTATE-26-000005'),
        provisioning('ESTATE-26-000006'),
      ),
    );

    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: sequenceNumber(2) }],
    });
    expect(started().map((input) => input.name)).toEqual([
      'ESTATE-26-000004',
      'ESTATE-26-000005',
    ]);
  });

  it('reports a start of a workflow it has no state machine for, without calling', async () => {
    const unknown = { ...startItem(provisioning('ESTATE-26-000004')), workflow: 'audit' };

    const response = await handler({ Records: [streamRecord('INSERT', unknown, 1)] });

    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: sequenceNumber(1) }],
    });
    expect(started()).toEqual([]);
  });

  it('passes over records that are not workflow starts written', async () => {
    const start = startItem(provisioning('ESTATE-26-000004'));

    const response = await handler({
      Records: [
        streamRecord('INSERT', outboxItem(anEvent()), 1),
        streamRecord('REMOVE', start, 2),
      ],
    });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(started()).toEqual([]);
  });
});
