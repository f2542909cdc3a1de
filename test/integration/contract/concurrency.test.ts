import { describe, expect, it } from 'vitest';
import { handler as getEstate } from '../../../functions/http/estates/get-estate.ts';
import { handler as updateEstate } from '../../../functions/http/estates/update-estate.ts';
import { listEvents } from '../../../functions/store/events.ts';
import { workspaceId } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const ESTATES = '/v1/infrastructure/estates';

const get = (estate: { id: string; workspace_id: string }) =>
  call(getEstate, {
    routeKey: `GET ${ESTATES}/{id}`,
    path: `${ESTATES}/${estate.id}`,
    pathParameters: { id: estate.id },
    workspaceId: estate.workspace_id,
  });

const patch = (
  estate: { id: string; workspace_id: string },
  body: unknown,
  headers: Record<string, string> = {},
) =>
  call(updateEstate, {
    routeKey: `PATCH ${ESTATES}/{id}`,
    path: `${ESTATES}/${estate.id}`,
    pathParameters: { id: estate.id },
    workspaceId: estate.workspace_id,
    body,
    headers,
  });

const seed = () => seedActiveEstate({ workspace_id: workspaceId() });

describe('ETag on estates', () => {
  it('gives a read estate a strong ETag of its version', async () => {
    const estate = await seed();

    const response = await get(estate);

    expect(response.headers.etag).toBe('"v1"');
  });
});

describe('PATCH /v1/infrastructure/estates/{id}', () => {
  it('renames the estate, bumps the ETag and records the event', async () => {
    const estate = await seed();

    const response = await patch(
      estate,
      { name: 'Payments (EU)' },
      { 'if-match': '"v1"' },
    );

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    expect(response.body.data.name).toBe('Payments (EU)');
    expect((await get(estate)).headers.etag).toBe('"v2"');
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.estate.updated' },
      10,
    );
    expect(events.items.map((event) => event.data.changed_fields)).toEqual([['name']]);
  });

  it('answers 412 with the current ETag for a stale If-Match and changes nothing', async () => {
    const estate = await seed();
    await patch(estate, { name: 'First rename' });

    const response = await patch(
      estate,
      { name: 'Second rename' },
      { 'if-match': '"v1"' },
    );

    expect(response.status).toBe(412);
    expect(response.body.code).toBe('precondition_failed');
    expect(response.headers.etag).toBe('"v2"');
    const current = await get(estate);
    expect(current.body.data.name).toBe('First rename');
    expect(current.headers.etag).toBe('"v2"');
  });

  it('accepts If-Match: * and a list holding the current tag', async () => {
    const estate = await seed();

    const any = await patch(estate, { project_tags: [] }, { 'if-match': '*' });
    const list = await patch(estate, { name: 'Listed' }, { 'if-match': '"v9", "v2"' });

    expect([any.status, list.status]).toEqual([200, 200]);
    expect(list.headers.etag).toBe('"v3"');
  });

  it('refuses a malformed If-Match with a 400 naming the header', async () => {
    const estate = await seed();

    const response = await patch(estate, { name: 'x' }, { 'if-match': 'v1' });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('header.if-match');
  });

  it.each([
    ['an immutable field', { provider: 'gcp' }, 'body.provider', 'immutable_field'],
    ['an unknown field', { colour: 'blue' }, 'body.colour', 'unknown_field'],
    ['no field at all', {}, 'body', 'empty_update'],
    ['an empty name', { name: ' ' }, 'body.name', 'too_small'],
  ])('refuses %s with a 400 naming it', async (_case, body, field, code) => {
    const estate = await seed();

    const response = await patch(estate, body);

    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('changes nothing when asked for what is already there', async () => {
    const estate = await seed();

    const response = await patch(estate, { name: estate.name });

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
  });

  it('takes project tags as a set: the same tags in another order change nothing', async () => {
    const estate = await seedActiveEstate({
      workspace_id: workspaceId(),
      project_tags: ['PROJ-26-000001', 'PROJ-26-000002'],
    });

    const reordered = await patch(estate, {
      project_tags: ['PROJ-26-000002', 'PROJ-26-000001'],
    });
    const changed = await patch(estate, { project_tags: ['PROJ-26-000002'] });

    expect([reordered.status, reordered.headers.etag]).toEqual([200, '"v1"']);
    expect(reordered.body.data.project_tags).toEqual([
      'PROJ-26-000001',
      'PROJ-26-000002',
    ]);
    expect([changed.status, changed.headers.etag]).toEqual([200, '"v2"']);
  });

  it('names an unknown field in its message', async () => {
    const estate = await seed();

    const response = await patch(estate, { colour: 'blue' });

    expect(response.body.errors).toContainEqual(
      expect.objectContaining({
        field: 'body.colour',
        message: 'Unknown field(s): colour.',
      }),
    );
  });

  it('answers 404 for an estate of another workspace', async () => {
    const estate = await seed();

    const response = await patch(
      { ...estate, workspace_id: workspaceId() },
      { name: 'x' },
    );

    expect(response.status).toBe(404);
  });
});
