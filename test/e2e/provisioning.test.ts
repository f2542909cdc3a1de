import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estateBody } from '../support/factories.ts';
import { eventually, type HttpReply, httpClient } from '../support/http-client.ts';
import { type LocalProcess, startLocalProcess } from '../support/local-process.ts';

let local: LocalProcess;
let api: (method: string, path: string, body?: unknown) => Promise<HttpReply>;

beforeAll(async () => {
  local = await startLocalProcess({
    SIM_TIME_SCALE: '0.05',
    LOCAL_WAIT_MS: '50',
    SIM_FAILURES: 'provisionNetwork@Doomed:permanent',
  });
  api = httpClient(local, await local.token());
});
afterAll(() => local?.stop());

const ESTATES = '/v1/infrastructure/estates';

async function settle(id: string, status: string) {
  return eventually(async () => {
    const estate = (await api('GET', `${ESTATES}/${id}`)).body.data;
    return estate.status === status ? estate : undefined;
  });
}

async function eventsOf(id: string, type?: string) {
  const query = type ? `&type=${type}` : '';
  return (await api('GET', `/v1/infrastructure/events?estate_id=${id}${query}`)).body
    .data as {
    type: string;
    event_id: string;
    published_at: string | null;
  }[];
}

describe('estate provisioning over HTTP', () => {
  it('provisions the spec’s estate to active and emits ready exactly once', async () => {
    const created = await api('POST', ESTATES, estateBody());
    const id: string = created.body.data.id;

    const active = await settle(id, 'active');
    const ready = await eventually(async () => {
      const events = await eventsOf(id, 'infrastructure.estate.ready');
      return events.every((event) => event.published_at) && events.length > 0
        ? events
        : undefined;
    });

    expect(created.body.data.status).toBe('provisioning');
    expect(active.service_line_id).toMatch(/^LIN-\d{2}-\d{6}$/);
    expect(active.health_score).toBeNull();
    expect(ready).toHaveLength(1);
    expect((await eventsOf(id)).map((event) => event.type)).toEqual([
      'infrastructure.estate.provisioning_started',
      'infrastructure.estate.ready',
    ]);
  });

  it('surfaces a permanent provider failure on the estate and in its events', async () => {
    const created = await api('POST', ESTATES, estateBody({ name: 'Doomed Estate' }));
    const id: string = created.body.data.id;

    const failed = await settle(id, 'failed');
    const events = await eventsOf(id, 'infrastructure.estate.failed');

    expect(failed.status_reason).toMatch(/\w+/);
    expect(failed.status_reason).not.toMatch(/stack|Error:|at /);
    expect(events).toHaveLength(1);
  });

  it('refuses to delete a provisioning estate, then deprovisions it once active', async () => {
    const id: string = (await api('POST', ESTATES, estateBody({ name: 'Short-lived' })))
      .body.data.id;

    const early = await api('DELETE', `${ESTATES}/${id}`);
    await settle(id, 'active');
    const accepted = await api('DELETE', `${ESTATES}/${id}`);
    const gone = await settle(id, 'deprovisioned');
    const again = await api('DELETE', `${ESTATES}/${id}`);

    expect([early.status, early.body.code]).toEqual([409, 'estate_busy']);
    expect([accepted.status, accepted.body.data.status]).toEqual([202, 'deprovisioning']);
    expect(gone.health_score).toBeNull();
    expect([again.status, again.body.data.status]).toEqual([202, 'deprovisioned']);
    expect(await eventsOf(id, 'infrastructure.estate.deprovisioned')).toHaveLength(1);
  });

  it('pages the event feed and refuses bad filters', async () => {
    const id: string = (await api('POST', ESTATES, estateBody({ name: 'Paged' }))).body
      .data.id;
    await settle(id, 'active');

    const first = await api('GET', `/v1/infrastructure/events?estate_id=${id}&limit=1`);
    const second = await api(
      'GET',
      `/v1/infrastructure/events?estate_id=${id}&limit=1&cursor=${first.body.next_cursor}`,
    );
    const badType = await api(
      'GET',
      `/v1/infrastructure/events?estate_id=${id}&type=nope`,
    );
    const badRange = await api(
      'GET',
      `/v1/infrastructure/events?estate_id=${id}&from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z`,
    );
    const missing = await api('GET', '/v1/infrastructure/events');

    expect(first.body.data[0].type).toBe('infrastructure.estate.provisioning_started');
    expect(second.body.data[0].type).toBe('infrastructure.estate.ready');
    expect([badType.status, badRange.status, missing.status]).toEqual([400, 400, 400]);
  });
});
