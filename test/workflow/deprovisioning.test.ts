import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import type { EstateItem } from '../../functions/store/estates.ts';
import { getEstate } from '../../functions/store/estates.ts';
import { useTable } from '../support/table.ts';
import {
  estateInput,
  eventsOf,
  eventTypesOf,
  executionArnOf,
  finished,
  useLocalWorkflows,
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

/** Asks the domain to delete an estate without services, as DELETE does. */
async function deleteEstate(estateId: string): Promise<void> {
  const { deleteEstate: remove } = await import(
    '../../functions/domain/estates/delete-estate.ts'
  );
  const estate = await getEstate(estateId);
  if (!estate) throw new Error(`${estateId} does not exist`);
  await remove(estate, { cascade: false, countServices: async () => 0 });
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
});
