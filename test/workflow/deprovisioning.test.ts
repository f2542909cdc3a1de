import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  ListExecutionsCommand,
} from '@aws-sdk/client-sfn';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { MAX_DEPLOYMENT_POLLS } from '../../functions/domain/estates/workflow-limits.ts';
import { logger } from '../../functions/platform/logger.ts';
import { documentClient } from '../../functions/store/client.ts';
import {
  buildLockService,
  buildReleaseService,
} from '../../functions/store/deployments.ts';
import type { EstateItem } from '../../functions/store/estates.ts';
import { getEstate } from '../../functions/store/estates.ts';
import {
  buildClaimEnvironmentName,
  buildClaimServiceName,
} from '../../functions/store/names.ts';
import { getService } from '../../functions/store/services.ts';
import { startsPut, transactionsSent } from '../support/commands.ts';
import { eventually } from '../support/http-client.ts';
import { tableItems, useTable } from '../support/table.ts';
import {
  estateInput,
  eventsOf,
  eventTypesOf,
  executionArnOf,
  finished,
  useLocalWorkflows,
  workflowsSettled,
} from './support/local-workflows.ts';

// The simulated driver reads these once, when the first task loads it. Six failures
// outlast the task's five retries, so the first teardown of FLAKY fails and the next
// one gets through.
const REFUSED = 'Refused Teardown Estate';
const FLAKY = 'Flaky Teardown Estate';
Object.assign(process.env, {
  SIM_TIME_SCALE: '0.01',
  SIM_FAILURES: `deprovisionNetwork@${REFUSED}:permanent,deprovisionNetwork@${FLAKY}:transient:6`,
});

useTable();
const local = useLocalWorkflows();

/** Creates an estate through the domain and waits until provisioning has ended. */
async function activeEstate(name: string): Promise<EstateItem> {
  const { createEstate } = await import(
    '../../functions/domain/estates/create-estate.ts'
  );
  const created = await createEstate(estateInput(name));
  await finished(local.sfn(), executionArnOf('provisioning', created.id));
  const estate = await getEstate(created.id);
  if (estate?.status !== 'active') throw new Error(`${created.id} did not become active`);
  return estate;
}

/** Asks the domain to delete an estate without services, as DELETE does once read. */
async function remove(estate: EstateItem): Promise<void> {
  const { deleteEstate: domainDelete } = await import(
    '../../functions/domain/estates/delete-estate.ts'
  );
  await domainDelete(estate, { cascade: false, countServices: async () => 0 });
}

/** Asks for a cascading teardown of an estate, as DELETE ?cascade=true does. */
async function removeWithServices(estateId: string): Promise<void> {
  const { deleteEstate: domainDelete } = await import(
    '../../functions/domain/estates/delete-estate.ts'
  );
  const estate = await getEstate(estateId);
  if (!estate) throw new Error(`${estateId} does not exist`);
  await domainDelete(estate, { cascade: true, countServices: async () => 1 });
}

/** A service of the estate, locked by a deployment the way a running rollout holds it. */
async function serviceBeingDeployed(estate: EstateItem) {
  // Imported late, like the tasks: the seed reaches the driver, which reads
  // SIM_FAILURES when it loads.
  const { seedContainerService } = await import('../support/seed.ts');
  const service = await seedContainerService(estate);
  // Deleting them frees their names, which the seed does not claim.
  for (const claim of [
    buildClaimEnvironmentName(estate.id, 'production', service.environment_id),
    buildClaimServiceName(service.environment_id, 'payments-api', service.id),
  ])
    await documentClient.send(new PutCommand(claim));
  const deploymentId = 'DEPLOY-26-000731';
  await documentClient.send(
    new UpdateCommand(buildLockService(service.id, deploymentId)),
  );
  const finishDeployment = () =>
    documentClient.send(
      new UpdateCommand(
        buildReleaseService(service.id, deploymentId, null, new Date().toISOString()),
      ),
    );
  return { service, finishDeployment };
}

/**
 * Counts the runs of one task in this test, whether they returned or failed, from
 * its log lines.
 */
function countTaskRuns(task: string) {
  const info = vi.spyOn(logger, 'info');
  const warn = vi.spyOn(logger, 'warn');
  const runs = () =>
    [...info.mock.calls, ...warn.mock.calls].filter(
      ([, details]) => (details as { task?: unknown } | undefined)?.task === task,
    ).length;
  onTestFinished(() => {
    info.mockRestore();
    warn.mockRestore();
  });
  return runs;
}

/** Reads an estate and asks for its deletion. */
async function requestDelete(estateId: string): Promise<void> {
  const estate = await getEstate(estateId);
  if (!estate) throw new Error(`${estateId} does not exist`);
  await remove(estate);
}

/** Deletes an estate and waits until the teardown it asks for has run. */
async function deleteEstate(estateId: string): Promise<void> {
  await requestDelete(estateId);
  await workflowsSettled(local.aws());
}

/** The workflow start items of an estate's teardowns. */
const teardownStartsOf = async (estateId: string) =>
  (await tableItems('workflow_start')).filter(
    (item) =>
      item.workflow === 'deprovisioning' &&
      item.input === JSON.stringify({ estate_id: estateId }),
  );

/** The ARN of the one teardown asked for an estate, started or not yet. */
async function teardownOf(estateId: string): Promise<string> {
  const [start, ...more] = await teardownStartsOf(estateId);
  if (!start || more.length > 0) throw new Error(`${estateId} has no single teardown`);
  return executionArnOf('deprovisioning', String(start.execution_name));
}

/** Whether an execution has started and ended. */
async function hasEnded(executionArn: string): Promise<boolean> {
  try {
    const execution = await local
      .sfn()
      .send(new DescribeExecutionCommand({ executionArn }));
    return execution.status !== 'RUNNING';
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return false;
    throw error;
  }
}

/** Waits for every deprovisioning execution of an estate; returns them oldest first. */
async function teardownsOf(estateId: string) {
  const listed = await local.sfn().send(
    new ListExecutionsCommand({
      stateMachineArn: process.env.DEPROVISIONING_STATE_MACHINE_ARN,
    }),
  );
  const runs = (listed.executions ?? []).filter((run) => run.name?.startsWith(estateId));
  const ended = [];
  for (const run of runs) ended.push(await finished(local.sfn(), run.executionArn ?? ''));
  return ended;
}

describe('deprovisioning workflow', () => {
  it('tears an active estate down to deprovisioned with its event', async () => {
    const estate = await activeEstate('Payments Platform Infrastructure');

    await deleteEstate(estate.id);
    const runs = await teardownsOf(estate.id);

    expect(runs.map((run) => run.status)).toEqual(['SUCCEEDED']);
    expect(await getEstate(estate.id)).toMatchObject({
      status: 'deprovisioned',
      health_score: null,
    });
    expect(await eventTypesOf(estate.id)).toEqual([
      'infrastructure.estate.provisioning_started',
      'infrastructure.estate.ready',
      'infrastructure.estate.deprovisioning_started',
      'infrastructure.estate.deprovisioned',
    ]);
  });

  it('asks for the teardown in the transaction that starts deprovisioning', async () => {
    const estate = await activeEstate('Search Platform Infrastructure');

    const [transaction = []] = await transactionsSent(() => requestDelete(estate.id));

    const execution = `${estate.id}-deprovision-${estate.version}`;
    expect(
      transaction.some((item) => item.Update?.Key?.pk === `ESTATE#${estate.id}`),
    ).toBe(true);
    expect(startsPut(transaction)).toEqual([
      ['deprovisioning', execution, { estate_id: estate.id }],
    ]);
    await workflowsSettled(local.aws());
  });

  it('asks again for the same teardown when deleted again meanwhile, and runs it once', async () => {
    const estate = await activeEstate('Ledger Platform Infrastructure');
    await requestDelete(estate.id);
    const [first] = await teardownStartsOf(estate.id);
    // The second DELETE read the estate while its teardown ran, however quick it is here.
    const deprovisioning: EstateItem = {
      ...estate,
      status: 'deprovisioning',
      teardown_execution: String(first?.execution_name),
    };

    await remove(deprovisioning);
    const [again, ...more] = await teardownStartsOf(estate.id);
    await workflowsSettled(local.aws());
    const runs = await teardownsOf(estate.id);

    expect(more).toEqual([]);
    expect(again?.execution_name).toBe(first?.execution_name);
    expect(again?.requested_at).not.toBe(first?.requested_at);
    expect(runs.map((run) => run.status)).toEqual(['SUCCEEDED']);
  });

  it('marks the estate failed with a readable reason when the teardown is refused', async () => {
    const estate = await activeEstate(REFUSED);

    await deleteEstate(estate.id);
    const runs = await teardownsOf(estate.id);

    expect(runs.map((run) => [run.status, run.error])).toEqual([
      ['FAILED', 'EstateFailed'],
    ]);
    const stored = await getEstate(estate.id);
    expect(stored).toMatchObject({
      status: 'failed',
      status_reason: `Simulated permanent failure of deprovisionNetwork for ${estate.id}.`,
    });
    const events = await eventsOf(estate.id);
    expect(events.at(-1)).toMatchObject({
      type: 'infrastructure.estate.failed',
      data: { status: 'failed', status_reason: stored?.status_reason },
    });
  });

  it('tears the estate down when deleted again after a failed teardown', async () => {
    const estate = await activeEstate(FLAKY);
    await deleteEstate(estate.id);
    await teardownsOf(estate.id);
    expect((await getEstate(estate.id))?.status).toBe('failed');

    await deleteEstate(estate.id);
    const runs = await teardownsOf(estate.id);

    expect(runs.map((run) => run.status).sort()).toEqual(['FAILED', 'SUCCEEDED']);
    expect(await getEstate(estate.id)).toMatchObject({
      status: 'deprovisioned',
      status_reason: null,
    });
    expect(
      (await eventTypesOf(estate.id)).filter(
        (type) => type === 'infrastructure.estate.deprovisioned',
      ),
    ).toHaveLength(1);
  });

  it('leaves a deprovisioned estate no score and no breakdown of its deleted environments', async () => {
    const estate = await activeEstate('Scored Teardown Estate');
    const { seedContainerService } = await import('../support/seed.ts');
    const { evaluateEstateHealth } = await import(
      '../../functions/domain/health/evaluate-estate-health.ts'
    );
    const { handler: getEstateHealth } = await import(
      '../../functions/http/estates/get-estate-health.ts'
    );
    const { call } = await import('../support/http.ts');
    const service = await seedContainerService(estate);
    for (const claim of [
      buildClaimEnvironmentName(estate.id, 'production', service.environment_id),
      buildClaimServiceName(service.environment_id, 'payments-api', service.id),
    ])
      await documentClient.send(new PutCommand(claim));
    const scored = await evaluateEstateHealth(estate.id);

    await removeWithServices(estate.id);
    const run = await finished(local.sfn(), await teardownOf(estate.id));
    const answer = await call(getEstateHealth, {
      routeKey: 'GET /v1/infrastructure/estates/{id}/health',
      path: `/v1/infrastructure/estates/${estate.id}/health`,
      pathParameters: { id: estate.id },
    });

    expect(scored?.score).toBe(100);
    expect(run.status).toBe('SUCCEEDED');
    expect(await getEstate(estate.id)).toMatchObject({
      status: 'deprovisioned',
      health_score: null,
    });
    expect(answer.body.data).toEqual({
      estate_id: estate.id,
      status: 'deprovisioned',
      score: null,
      components: [],
      environments: [],
      evaluated_at: null,
    });
  });

  it('holds a cascading teardown while a deployment runs, then ends deprovisioned', async () => {
    const estate = await activeEstate('Rollout Teardown Estate');
    const { service, finishDeployment } = await serviceBeingDeployed(estate);
    const tearDowns = countTaskRuns('tear-down-contents');
    await removeWithServices(estate.id);
    const teardown = await teardownOf(estate.id);

    // More checks than the retrier this loop replaced made before it gave up.
    await eventually(async () =>
      tearDowns() > 25 || (await hasEnded(teardown)) ? true : undefined,
    );
    const stillDeploying = await getEstate(estate.id);
    await finishDeployment();
    const run = await finished(local.sfn(), teardown);

    expect(stillDeploying?.status).toBe('deprovisioning');
    expect(run.status).toBe('SUCCEEDED');
    expect(await getEstate(estate.id)).toMatchObject({ status: 'deprovisioned' });
    expect(await getService(service.id)).toBeUndefined();
  });

  it('gives up when deployments outlast every check, and says so', async () => {
    const estate = await activeEstate('Stuck Rollout Teardown Estate');
    const { service } = await serviceBeingDeployed(estate);
    const tearDowns = countTaskRuns('tear-down-contents');

    await removeWithServices(estate.id);
    const run = await finished(local.sfn(), await teardownOf(estate.id), 60_000);

    expect([run.status, run.error]).toEqual(['FAILED', 'EstateFailed']);
    expect(tearDowns()).toBe(MAX_DEPLOYMENT_POLLS);
    expect((await getEstate(estate.id))?.status_reason).toMatch(
      /^Deployments kept running; the teardown gave up after /,
    );
    expect(await getService(service.id)).toBeDefined();
  }, 90_000);
});
