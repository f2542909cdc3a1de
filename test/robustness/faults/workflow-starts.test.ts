import { describe, expect, it, vi } from 'vitest';
import { logger } from '../../../functions/platform/logger.ts';
import { getEstate } from '../../../functions/store/estates.ts';
import { useLocalAws, workflowsSettled } from '../../support/local-aws.ts';
import { useTable } from '../../support/table.ts';
import { estateInput, eventTypesOf } from '../../workflow/support/local-workflows.ts';

// StartExecution refuses the first FAILURES calls: more than the SDK's three attempts
// in one invocation absorb, so the stream mapping has to retry the start too.
const FAILURES = 5;

useTable();
const local = useLocalAws({
  failFirstStarts: FAILURES,
  streams: 'workflow starts',
});

/** The provisioning executions named after an estate. */
const provisioningRuns = (estateId: string) =>
  local()
    .stepFunctions.list({ stateMachineArn: process.env.PROVISIONING_STATE_MACHINE_ARN })
    .executions.filter((execution) => execution.name === estateId);

describe('workflow starts while StartExecution fails', () => {
  it('start the execution exactly once in the end, with nothing dead-lettered', async () => {
    const { createEstate } = await import(
      '../../../functions/domain/estates/create-estate.ts'
    );
    const warn = vi.spyOn(logger, 'warn');

    const estate = await createEstate(estateInput('Refused Start Estate'));
    await workflowsSettled(local());

    expect(local().stepFunctions.startFailuresLeft).toBe(0);
    expect(
      warn.mock.calls.filter(([message]) => message === 'workflow start deferred'),
    ).not.toEqual([]);
    expect(provisioningRuns(estate.id).map((run) => run.status)).toEqual(['SUCCEEDED']);
    expect((await getEstate(estate.id))?.status).toBe('active');
    expect(
      (await eventTypesOf(estate.id)).filter(
        (type) => type === 'infrastructure.estate.ready',
      ),
    ).toHaveLength(1);
    expect(
      local()
        .queues.urls()
        .flatMap((url) => local().queues.messages(url)),
    ).toEqual([]);
    warn.mockRestore();
  });
});
