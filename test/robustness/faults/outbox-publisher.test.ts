import { describe, expect, it } from 'vitest';
import { eventually } from '../../support/http-client.ts';
import { useLocalAws, workflowsSettled } from '../../support/local-aws.ts';
import { tableItems, useTable } from '../../support/table.ts';
import { estateInput } from '../../workflow/support/local-workflows.ts';

// The bus refuses the first FAILURES PutEvents entries, more than the publisher's own
// retries absorb in one invocation, so the stream mapping has to retry the batch too.
const FAILURES = 12;

useTable();
const local = useLocalAws({ failFirstEvents: FAILURES });

/** Every outbox event in the table: its ID and whether the publisher marked it. */
async function outbox(): Promise<{ id: string; published: boolean }[]> {
  return (await tableItems('event')).map((item) => ({
    id: String(item.event_id),
    published: Boolean(item.published_at),
  }));
}

const acceptedIds = () =>
  local().bus.accepted.map((event) =>
    String((event.detail as { event_id?: unknown }).event_id),
  );

describe('the outbox publisher while PutEvents fails', () => {
  it('publishes every event exactly once per event_id in the end', async () => {
    const { createEstate } = await import(
      '../../../functions/domain/estates/create-estate.ts'
    );

    for (const name of ['Outbox One', 'Outbox Two', 'Outbox Three'])
      await createEstate(estateInput(name));
    await workflowsSettled(local());
    const events = await eventually(async () => {
      const items = await outbox();
      return items.length > 0 && items.every((item) => item.published)
        ? items
        : undefined;
    }, 60_000);
    await local().bus.idle();

    const accepted = acceptedIds();
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect([...accepted].sort()).toEqual(events.map((event) => event.id).sort());
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(local().queues.messages(process.env.DEAD_LETTER_QUEUE_URL ?? '')).toEqual([]);
  });
});
