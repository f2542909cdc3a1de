import {
  ExecutionAlreadyExists,
  ListExecutionsCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { newEstate } from '../../functions/domain/estates/estate.ts';
import { logger } from '../../functions/platform/logger.ts';
import { documentClient } from '../../functions/store/client.ts';
import { buildPutEstate, getEstate } from '../../functions/store/estates.ts';
import { allocateId } from '../../functions/store/ids.ts';
import { tableItems, useTable } from '../support/table.ts';
import { streamRecord } from '../unit/events/factories.ts';
import {
  estateInput,
  eventsOf,
  eventTypesOf,
  executionArnOf,
  finished,
  serviceLine,
  serviceLinesOf,
  useLocalWorkflows,
} from './support/local-workflows.ts';

// The simulated driver reads these once, when the first task loads it.
const FLAKY = 'Flaky Network Estate';
const REFUSED = 'Refused Network Estate';
Object.assign(process.env, {
  SIM_TIME_SCALE: '0.01',
  SIM_FAILURES: `provisionNetwork@${FLAKY}:transient:2,provisionNetwork@${REFUSED}:permanent`,
});

useTable();
const local = useLocalWorkflows();

/** Creates an estate through the domain; the stream starts its provisioning workflow. */
async function createEstate(name: string) {
  const { createEstate: create } = await import(
    '../../functions/domain/estates/create-estate.ts'
  );
  return create(estateInput(name));
}

/** Stores an estate in `provisioning` without starting anything. */
async function storeProvisioningEstate(name: string) {
  const estate = newEstate(
    await allocateId('ESTATE'),
    estateInput(name),
    new Date().toISOString(),
  );
  await documentClient.send(new PutCommand(buildPutEstate(estate)));
  return estate;
}

const tasksFailed = (spy: { mock: { calls: unknown[][] } }, task: string) =>
  spy.mock.calls.filter(
    ([message, details]) =>
      message === 'task failed' && (details as { task?: string }).task === task,
  ).length;

describe('provisioning workflow', () => {
  it('provisions a new estate to active with a service line linked both ways', async () => {
    const estate = await createEstate('Payments Platform Infrastructure');

    const execution = await finished(
      local.sfn(),
      executionArnOf('provisioning', estate.id),
    );

    expect(execution.status).toBe('SUCCEEDED');
    const stored = await getEstate(estate.id);
    expect(stored).toMatchObject({ status: 'active', health_score: null });
    expect(stored?.service_line_id).toMatch(/^LIN-\d{2}-\d{6}$/);
    expect(await serviceLine(stored?.service_line_id ?? '')).toMatchObject({
      estate_id: estate.id,
      workspace_id: estate.workspace_id,
      execution_model: 'infra_managed',
      status: 'active',
    });
    expect(stored?.network?.subnets).toHaveLength(3);
    expect(await eventTypesOf(estate.id)).toEqual([
      'infrastructure.estate.provisioning_started',
      'infrastructure.estate.ready',
    ]);
  });

  it('puts the service line and the network, in snake_case, on the ready event', async () => {
    const estate = await createEstate('Ledger Platform Infrastructure');

    await finished(local.sfn(), executionArnOf('provisioning', estate.id));

    const ready = (await eventsOf(estate.id)).find(
      (event) => event.type === 'infrastructure.estate.ready',
    );
    const stored = await getEstate(estate.id);
    expect(ready).toMatchObject({
      estate_id: estate.id,
      service_line_id: stored?.service_line_id,
      data: { status: 'active', name: 'Ledger Platform Infrastructure' },
    });
    expect(ready?.data.network).toEqual({
      network_id: stored?.network?.networkId,
      subnets: stored?.network?.subnets.map((subnet) => ({
        zone: subnet.zone,
        cidr: subnet.cidr,
        subnet_id: subnet.subnetId,
      })),
    });
    expect(stored?.network?.subnets.length).toBeGreaterThan(0);
  });

  it('retries a transient driver failure and ends active', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const estate = await createEstate(FLAKY);

    const execution = await finished(
      local.sfn(),
      executionArnOf('provisioning', estate.id),
    );

    expect(execution.status).toBe('SUCCEEDED');
    expect(tasksFailed(warn, 'provision-network')).toBe(2);
    expect((await getEstate(estate.id))?.status).toBe('active');
    expect(await eventTypesOf(estate.id)).toContain('infrastructure.estate.ready');
    warn.mockRestore();
  });

  it('marks the estate failed with a readable reason on a permanent failure', async () => {
    const estate = await createEstate(REFUSED);

    const execution = await finished(
      local.sfn(),
      executionArnOf('provisioning', estate.id),
    );

    expect(execution).toMatchObject({ status: 'FAILED', error: 'EstateFailed' });
    const stored = await getEstate(estate.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.status_reason).toBe(
      `Simulated permanent failure of provisionNetwork for ${estate.id}.`,
    );
    const events = await eventsOf(estate.id);
    expect(events.map((event) => event.type)).toEqual([
      'infrastructure.estate.provisioning_started',
      'infrastructure.estate.failed',
    ]);
    expect(events[1]?.data).toMatchObject({
      status: 'failed',
      status_reason: stored?.status_reason,
    });
  });
});

describe('provisioning execution names', () => {
  it('returns the running execution for a duplicate start and provisions once', async () => {
    const estate = await storeProvisioningEstate('Checkout Platform Infrastructure');
    const start = new StartExecutionCommand({
      stateMachineArn: process.env.PROVISIONING_STATE_MACHINE_ARN,
      name: estate.id,
      input: JSON.stringify({ estate_id: estate.id }),
    });

    const first = await local.sfn().send(start);
    const second = await local.sfn().send(start);
    const execution = await finished(local.sfn(), first.executionArn ?? '');

    expect(second.executionArn).toBe(first.executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    const listed = await local.sfn().send(
      new ListExecutionsCommand({
        stateMachineArn: process.env.PROVISIONING_STATE_MACHINE_ARN,
      }),
    );
    expect(listed.executions?.filter((run) => run.name === estate.id)).toHaveLength(1);
    expect(await serviceLinesOf(estate.id)).toHaveLength(1);
    expect(await eventTypesOf(estate.id)).toEqual(['infrastructure.estate.ready']);
  });

  it('refuses the same name with another input while it runs', async () => {
    const estate = await storeProvisioningEstate('Search Platform Infrastructure');
    const other = await storeProvisioningEstate('Search Replica Infrastructure');
    const start = (estateId: string) =>
      local.sfn().send(
        new StartExecutionCommand({
          stateMachineArn: process.env.PROVISIONING_STATE_MACHINE_ARN,
          name: estate.id,
          input: JSON.stringify({ estate_id: estateId }),
        }),
      );
    const first = await start(estate.id);

    const refused = start(other.id);

    await expect(refused).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await finished(local.sfn(), first.executionArn ?? '');
  });

  it('refuses a second start after the execution finished', async () => {
    const estate = await createEstate('Billing Platform Infrastructure');
    const arn = executionArnOf('provisioning', estate.id);
    await finished(local.sfn(), arn);

    const again = local.sfn().send(
      new StartExecutionCommand({
        stateMachineArn: process.env.PROVISIONING_STATE_MACHINE_ARN,
        name: estate.id,
        input: JSON.stringify({ estate_id: estate.id }),
      }),
    );

    await expect(again).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('lets the starter take a finished execution as already started', async () => {
    const { handler } = await import('../../functions/events/start-workflows.ts');
    const estate = await createEstate('Identity Platform Infrastructure');
    await finished(local.sfn(), executionArnOf('provisioning', estate.id));
    const [start] = (await tableItems('workflow_start')).filter(
      (item) => item.execution_name === estate.id,
    );
    if (!start) throw new Error(`no workflow start for ${estate.id}`);

    const response = await handler({ Records: [streamRecord('MODIFY', start, 1)] });

    expect(response).toEqual({ batchItemFailures: [] });
    expect((await getEstate(estate.id))?.status).toBe('active');
    expect(
      (await eventTypesOf(estate.id)).filter(
        (type) => type === 'infrastructure.estate.ready',
      ),
    ).toHaveLength(1);
  });
});
