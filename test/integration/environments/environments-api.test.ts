import { describe, expect, it } from 'vitest';
import { handler as createEnvironment } from '../../../functions/http/environments/create-environment.ts';
import { handler as deleteEnvironment } from '../../../functions/http/environments/delete-environment.ts';
import { handler as getEnvironment } from '../../../functions/http/environments/get-environment.ts';
import { handler as listEnvironments } from '../../../functions/http/environments/list-environments.ts';
import { handler as updateEnvironment } from '../../../functions/http/environments/update-environment.ts';
import { listEvents } from '../../../functions/store/events.ts';
import { environmentCountOf, putEstate } from '../../support/estates.ts';
import { environmentBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { useTable } from '../../support/table.ts';

useTable();

const ENVIRONMENTS = '/v1/infrastructure/environments';
const FOREIGN = 'WS-26-000099';

const post = (body: unknown, workspaceId?: string) =>
  call(createEnvironment, {
    routeKey: `POST ${ENVIRONMENTS}`,
    path: ENVIRONMENTS,
    body,
    ...(workspaceId ? { workspaceId } : {}),
  });
const byId = (id: string) => ({
  path: `${ENVIRONMENTS}/${id}`,
  pathParameters: { id },
});
const get = (id: string, workspaceId?: string) =>
  call(getEnvironment, {
    routeKey: `GET ${ENVIRONMENTS}/{id}`,
    ...byId(id),
    ...(workspaceId ? { workspaceId } : {}),
  });
const patch = (id: string, body: unknown) =>
  call(updateEnvironment, { routeKey: `PATCH ${ENVIRONMENTS}/{id}`, ...byId(id), body });
const remove = (id: string) =>
  call(deleteEnvironment, { routeKey: `DELETE ${ENVIRONMENTS}/{id}`, ...byId(id) });
const list = (query: string, workspaceId?: string) =>
  call(listEnvironments, {
    routeKey: `GET ${ENVIRONMENTS}`,
    path: ENVIRONMENTS,
    query,
    ...(workspaceId ? { workspaceId } : {}),
  });
const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field);

describe('POST /v1/infrastructure/environments', () => {
  it('answers 201 with the spec record, a Location and a created event', async () => {
    const estate = await putEstate();

    const response = await post(environmentBody(estate.id));

    expect(response.status).toBe(201);
    const environment = response.body.data;
    expect(environment).toMatchObject({
      estate_id: estate.id,
      name: 'production',
      type: 'production',
      status: 'active',
      service_count: 0,
      cost_mtd: 0,
      currency: 'USD',
      config: { variables: { LOG_LEVEL: 'info' } },
    });
    expect(environment.id).toMatch(/^INFENV-\d{2}-\d{6}$/);
    expect(response.headers.location).toBe(`${ENVIRONMENTS}/${environment.id}`);
    expect(await environmentCountOf(estate.id)).toBe(1);
    const events = await listEvents(estate.id, {}, 10);
    expect(events.items).toEqual([
      expect.objectContaining({
        type: 'infrastructure.environment.created',
        subject_id: environment.id,
        service_line_id: estate.service_line_id,
        data: expect.objectContaining({ name: 'production', type: 'production' }),
      }),
    ]);
  });

  it('creates 20 environments in parallel and counts exactly 20', async () => {
    const estate = await putEstate();

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        post(environmentBody(estate.id, { name: `preview-${index}`, type: 'preview' })),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(await environmentCountOf(estate.id)).toBe(20);
  });

  it('lets exactly one of 10 parallel creates of one name win', async () => {
    const estate = await putEstate();

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(environmentBody(estate.id))),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const refused = responses.find((response) => response.status === 409);
    expect(refused?.body.code).toBe('environment_name_taken');
    expect(await environmentCountOf(estate.id)).toBe(1);
  });

  it.each(['provisioning', 'deprovisioning', 'failed'] as const)(
    'refuses a %s estate with 409 naming its status',
    async (status) => {
      const estate = await putEstate({ status });

      const response = await post(environmentBody(estate.id));

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'estate_not_active',
        estate_status: status,
      });
      expect(await environmentCountOf(estate.id)).toBe(0);
    },
  );

  it('accepts a degraded estate', async () => {
    const estate = await putEstate({ status: 'degraded' });

    const response = await post(environmentBody(estate.id));

    expect(response.status).toBe(201);
  });

  it('answers 404 for an estate of another workspace', async () => {
    const estate = await putEstate({ workspace_id: FOREIGN });

    const response = await post(environmentBody(estate.id));

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('estate_not_found');
  });

  it.each([
    ['an unknown type', { type: 'qa' }, 'body.type'],
    ['an upper-case name', { name: 'Production' }, 'body.name'],
    ['a name ending in a hyphen', { name: 'prod-' }, 'body.name'],
    ['a name of 64 characters', { name: `p${'a'.repeat(63)}` }, 'body.name'],
    ['a malformed estate ID', { estate_id: 'ESTATE-1' }, 'body.estate_id'],
    [
      'a variable that is not a string',
      { config: { variables: { LOG_LEVEL: 3 } } },
      'body.config.variables.LOG_LEVEL',
    ],
    ['an unknown config field', { config: { colour: 'blue' } }, 'body.config.colour'],
    ['an unknown field', { tier: 'gold' }, 'body.tier'],
  ])('refuses %s with a 400 naming the field', async (_case, overrides, field) => {
    const estate = await putEstate();

    const response = await post(environmentBody(estate.id, overrides));

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(fieldsOf(response.body)).toContain(field);
  });

  it('refuses more than 100 variables', async () => {
    const estate = await putEstate();
    const variables = Object.fromEntries(
      Array.from({ length: 101 }, (_, index) => [`VAR_${index}`, 'x']),
    );

    const response = await post(environmentBody(estate.id, { config: { variables } }));

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain('body.config.variables');
  });
});

describe('GET /v1/infrastructure/environments/{id}', () => {
  it('returns the environment to its own workspace', async () => {
    const estate = await putEstate();
    const created = (await post(environmentBody(estate.id))).body.data;

    const response = await get(created.id);

    expect(response.status).toBe(200);
    expect(response.body.data).toEqual(created);
  });

  it('answers 404 to another workspace and 400 for a malformed ID', async () => {
    const estate = await putEstate();
    const created = (await post(environmentBody(estate.id))).body.data;

    const foreign = await get(created.id, FOREIGN);
    const malformed = await get('INFENV-26-1');
    const unknown = await get('INFENV-26-999999');

    expect([foreign.status, foreign.body.code]).toEqual([404, 'environment_not_found']);
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['path.id']);
    expect(unknown.status).toBe(404);
  });
});

describe('PATCH /v1/infrastructure/environments/{id}', () => {
  it('renames an environment, frees the old name and records an updated event', async () => {
    const estate = await putEstate();
    const created = (await post(environmentBody(estate.id))).body.data;

    const response = await patch(created.id, {
      name: 'prod-eu',
      config: { variables: { LOG_LEVEL: 'warn' } },
    });
    const reuse = await post(environmentBody(estate.id));

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      id: created.id,
      name: 'prod-eu',
      type: 'production',
      config: { variables: { LOG_LEVEL: 'warn' } },
    });
    expect(reuse.status).toBe(201);
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.environment.updated' },
      10,
    );
    expect(events.items[0]?.data).toMatchObject({
      name: 'prod-eu',
      renamed_from: 'production',
    });
  });

  it('refuses a name another environment of the estate holds', async () => {
    const estate = await putEstate();
    await post(environmentBody(estate.id, { name: 'staging', type: 'staging' }));
    const created = (await post(environmentBody(estate.id))).body.data;

    const response = await patch(created.id, { name: 'staging' });

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('environment_name_taken');
    expect((await get(created.id)).body.data.name).toBe('production');
  });

  it('refuses a change of type with a 400 naming the field', async () => {
    const estate = await putEstate();
    const created = (await post(environmentBody(estate.id))).body.data;

    const response = await patch(created.id, { type: 'staging' });

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['body.type']);
    expect(response.body.errors[0]).toMatchObject({ code: 'immutable_field' });
    expect(response.body.errors[0].message).toContain('type cannot change');
  });

  it('refuses an empty patch as empty_update', async () => {
    const estate = await putEstate();
    const created = (await post(environmentBody(estate.id))).body.data;

    const response = await patch(created.id, {});

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'body', code: 'empty_update' }),
    ]);
  });

  it.each([
    ['its own name', { name: 'production' }],
    ['its own config', { config: { variables: { LOG_LEVEL: 'info' } } }],
  ])('writes nothing when asked for %s: same ETag, no event', async (_case, body) => {
    const estate = await putEstate();
    const created = await get((await post(environmentBody(estate.id))).body.data.id);

    const response = await patch(created.body.data.id, body);
    const after = await get(created.body.data.id);

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
    expect(response.body.data).toEqual(created.body.data);
    expect(after.headers.etag).toBe('"v1"');
    expect(after.body.data.updated_at).toBe(created.body.data.updated_at);
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.environment.updated' },
      10,
    );
    expect(events.items).toEqual([]);
  });
});

describe('DELETE /v1/infrastructure/environments/{id}', () => {
  it('deletes an environment, lowers the count and records a deleted event', async () => {
    const estate = await putEstate();
    const created = (await post(environmentBody(estate.id))).body.data;

    const response = await remove(created.id);
    const after = await get(created.id);
    const again = await remove(created.id);

    expect(response.status).toBe(204);
    expect(after.status).toBe(404);
    expect(again.status).toBe(404);
    expect(await environmentCountOf(estate.id)).toBe(0);
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.environment.deleted' },
      10,
    );
    expect(events.items.map((event) => event.subject_id)).toEqual([created.id]);
  });
});

describe('GET /v1/infrastructure/environments', () => {
  it('pages through an estate’s environments with a cursor and no overlap', async () => {
    const estate = await putEstate();
    for (const name of ['production', 'staging', 'development', 'preview-a', 'preview-b'])
      await post(environmentBody(estate.id, { name, type: name.split('-')[0] }));

    const first = await list(`estate_id=${estate.id}&limit=2`);
    const second = await list(
      `estate_id=${estate.id}&limit=2&cursor=${first.body.next_cursor}`,
    );
    const third = await list(
      `estate_id=${estate.id}&limit=2&cursor=${second.body.next_cursor}`,
    );

    const names = [first, second, third].flatMap((page) =>
      page.body.data.map((environment: { name: string }) => environment.name),
    );
    expect(names).toEqual([
      'production',
      'staging',
      'development',
      'preview-a',
      'preview-b',
    ]);
    expect(third.body.next_cursor).toBeNull();
  });

  it('filters by type and status', async () => {
    const estate = await putEstate();
    await post(environmentBody(estate.id));
    await post(environmentBody(estate.id, { name: 'preview-a', type: 'preview' }));

    const previews = await list(`estate_id=${estate.id}&type=preview`);
    const active = await list(`estate_id=${estate.id}&status=active`);

    expect(previews.body.data.map((e: { name: string }) => e.name)).toEqual([
      'preview-a',
    ]);
    expect(active.body.data).toHaveLength(2);
  });

  it('answers 404 for an estate of another workspace', async () => {
    const estate = await putEstate({ workspace_id: FOREIGN });

    const response = await list(`estate_id=${estate.id}`);

    expect(response.status).toBe(404);
    expect(response.body.data).toBeUndefined();
  });

  it.each([
    ['', 'query.estate_id'],
    ['estate_id=ESTATE-1', 'query.estate_id'],
    ['estate_id=ESTATE-26-000004&limit=0', 'query.limit'],
    ['estate_id=ESTATE-26-000004&type=qa', 'query.type'],
    ['estate_id=ESTATE-26-000004&status=deleting', 'query.status'],
  ])('refuses ?%s with a 400 naming the field', async (query, field) => {
    const response = await list(query);

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
  });

  it('refuses a cursor from another estate’s list', async () => {
    const estate = await putEstate();
    const other = await putEstate();
    await post(environmentBody(estate.id));
    await post(environmentBody(estate.id, { name: 'staging', type: 'staging' }));
    const first = await list(`estate_id=${estate.id}&limit=1`);

    const response = await list(`estate_id=${other.id}&cursor=${first.body.next_cursor}`);

    expect([response.status, response.body.code]).toEqual([400, 'invalid_cursor']);
    expect(fieldsOf(response.body)).toEqual(['query.cursor']);
  });
});
