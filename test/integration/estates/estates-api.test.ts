import { describe, expect, it } from 'vitest';
import { handler as createEstate } from '../../../functions/http/estates/create-estate.ts';
import { handler as getEstate } from '../../../functions/http/estates/get-estate.ts';
import { handler as listEstates } from '../../../functions/http/estates/list-estates.ts';
import { putItems, startsPut, transactionsSent } from '../../support/commands.ts';
import { estateBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { useLocalAws, workflowsSettled } from '../../support/local-aws.ts';

const localAws = useLocalAws();

const ESTATES = '/v1/infrastructure/estates';
const post = (body: unknown, options: { workspaceId?: string; scopes?: string[] } = {}) =>
  call(createEstate, { routeKey: `POST ${ESTATES}`, path: ESTATES, body, ...options });
const get = (id: string, workspaceId?: string) =>
  call(getEstate, {
    routeKey: `GET ${ESTATES}/{id}`,
    path: `${ESTATES}/${id}`,
    pathParameters: { id },
    ...(workspaceId ? { workspaceId } : {}),
  });
const list = (query: string, workspaceId?: string) =>
  call(listEstates, {
    routeKey: `GET ${ESTATES}`,
    path: ESTATES,
    query,
    ...(workspaceId ? { workspaceId } : {}),
  });

describe('POST /v1/infrastructure/estates', () => {
  it('answers 202 with the spec record in provisioning and a Location', async () => {
    const response = await post(estateBody());

    expect(response.status).toBe(202);
    const estate = response.body.data;
    expect(estate).toMatchObject({
      workspace_id: 'WS-26-000021',
      name: 'Payments Platform Infrastructure',
      provider: 'aws',
      region: 'eu-west-1',
      status: 'provisioning',
      environment_count: 0,
      cost_mtd: 0,
      currency: 'USD',
    });
    expect(estate.id).toMatch(/^ESTATE-\d{2}-\d{6}$/);
    expect(estate.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(response.headers.location).toBe(`${ESTATES}/${estate.id}`);
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('asks for the provisioning workflow in the transaction that creates the estate', async () => {
    let id = '';

    const transactions = await transactionsSent(async () => {
      id = (await post(estateBody())).body.data.id;
    });

    const [transaction = []] = transactions;
    expect(transactions).toHaveLength(1);
    expect(putItems(transaction)).toContainEqual(
      expect.objectContaining({ entity: 'estate', id }),
    );
    expect(startsPut(transaction)).toEqual([['provisioning', id, { estate_id: id }]]);
  });

  it('provisions the estate to active once the stream has started its workflow', async () => {
    const created = await post(estateBody());

    await workflowsSettled(localAws());
    const response = await get(created.body.data.id);

    expect(response.body.data.status).toBe('active');
  });

  it('fills in the region’s first three zones when none are named', async () => {
    const response = await post(estateBody({ config: { vpc_cidr: '10.1.0.0/16' } }));

    expect(response.body.data.config.availability_zones).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
  });

  it.each([
    ['a region of another provider', { region: 'europe-west1' }, 'body.region'],
    [
      'a zone outside the region',
      { config: { vpc_cidr: '10.0.0.0/16', availability_zones: ['eu-west-2a'] } },
      'body.config.availability_zones.0',
    ],
    ['a public CIDR', { config: { vpc_cidr: '8.8.0.0/16' } }, 'body.config.vpc_cidr'],
    ['a malformed subscription', { subscription_id: 'SUB-1' }, 'body.subscription_id'],
    ['a malformed project tag', { project_tags: ['PROJ-26-1'] }, 'body.project_tags.0'],
    ['an unknown provider', { provider: 'oracle' }, 'body.provider'],
    ['an unknown field', { colour: 'blue' }, 'body.colour'],
    ['an empty name', { name: '   ' }, 'body.name'],
  ])('refuses %s with a 400 naming the field', async (_case, overrides, field) => {
    const response = await post(estateBody(overrides));

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
      field,
    );
  });

  it('gives an unknown region and a foreign zone the code an allowed_regions policy gives', async () => {
    const region = await post(estateBody({ region: 'europe-west1' }));
    const zone = await post(
      estateBody({
        config: { vpc_cidr: '10.0.0.0/16', availability_zones: ['eu-west-2a'] },
      }),
    );

    expect(region.body.errors).toEqual([
      expect.objectContaining({ field: 'body.region', code: 'invalid_value' }),
    ]);
    expect(zone.body.errors).toEqual([
      expect.objectContaining({
        field: 'body.config.availability_zones.0',
        code: 'invalid_value',
      }),
    ]);
  });

  it('refuses invalid JSON, a missing body and a wrong content type', async () => {
    const route = { routeKey: `POST ${ESTATES}`, path: ESTATES };

    const invalid = await call(createEstate, { ...route, rawBody: '{"name":' });
    const missing = await call(createEstate, { ...route });
    const wrongType = await call(createEstate, {
      ...route,
      rawBody: 'a=b',
      headers: { 'content-type': 'text/plain' },
    });
    const tooLarge = await call(createEstate, {
      ...route,
      rawBody: JSON.stringify({ name: 'x'.repeat(70_000) }),
    });

    expect([invalid.status, invalid.body.code]).toEqual([400, 'invalid_json']);
    expect([missing.status, missing.body.code]).toEqual([400, 'body_required']);
    expect([wrongType.status, wrongType.body.code]).toEqual([
      415,
      'unsupported_media_type',
    ]);
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'body_too_large']);
  });

  it('accepts application/json with a charset', async () => {
    const response = await call(createEstate, {
      routeKey: `POST ${ESTATES}`,
      path: ESTATES,
      rawBody: JSON.stringify(estateBody()),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });

    expect(response.status).toBe(202);
  });

  it('refuses a body for another workspace with 403', async () => {
    const response = await post(estateBody({ workspace_id: 'WS-26-000099' }));

    expect(response.status).toBe(403);
    expect(response.body.code).toBe('workspace_forbidden');
  });

  it('refuses a token without the write scope', async () => {
    const response = await post(estateBody(), { scopes: ['read'] });

    expect(response.status).toBe(403);
    expect(response.body.code).toBe('insufficient_scope');
  });
});

describe('GET /v1/infrastructure/estates/{id}', () => {
  it('returns the estate to its own workspace', async () => {
    const created = (await post(estateBody())).body.data;

    const response = await get(created.id);

    // The provisioning workflow may already have moved the estate on; what was
    // created stays as it was.
    const { id, workspace_id, name, provider, region, config, created_at } = created;
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      id,
      workspace_id,
      name,
      provider,
      region,
      config,
      created_at,
    });
  });

  it('answers 404 when the estate belongs to another workspace', async () => {
    const created = (await post(estateBody())).body.data;

    const response = await get(created.id, 'WS-26-000099');

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('estate_not_found');
    expect(JSON.stringify(response.body)).not.toContain('Payments');
  });

  it('answers 400 for a malformed ID and 404 for an unknown one', async () => {
    const malformed = await get('ESTATE-1');
    const unknown = await get('ESTATE-26-999999');

    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('path.id');
    expect(unknown.status).toBe(404);
  });
});

describe('GET /v1/infrastructure/estates', () => {
  const workspaceId = 'WS-26-000777';

  it('pages through a workspace’s estates with a cursor and no overlap', async () => {
    for (let index = 0; index < 5; index += 1) {
      await post(estateBody({ workspace_id: workspaceId, name: `Estate ${index}` }), {
        workspaceId,
      });
    }

    const first = await list('limit=2', workspaceId);
    const second = await list(`limit=2&cursor=${first.body.next_cursor}`, workspaceId);
    const third = await list(`limit=2&cursor=${second.body.next_cursor}`, workspaceId);

    const names = [first, second, third].flatMap((page) =>
      page.body.data.map((e: { name: string }) => e.name),
    );
    expect(names).toEqual(['Estate 0', 'Estate 1', 'Estate 2', 'Estate 3', 'Estate 4']);
    expect(third.body.next_cursor).toBeNull();
  });

  it('filters by status and provider', async () => {
    await workflowsSettled(localAws());

    const active = await list(`workspace_id=${workspaceId}&status=active`, workspaceId);
    const provisioning = await list(
      `workspace_id=${workspaceId}&status=provisioning`,
      workspaceId,
    );
    const gcp = await list('provider=gcp', workspaceId);
    const aws = await list('provider=aws&limit=2', workspaceId);

    expect(active.body.data).toHaveLength(5);
    expect(provisioning.body.data).toEqual([]);
    expect(gcp.body.data).toEqual([]);
    expect(aws.body.data).toHaveLength(2);
    expect(aws.body.next_cursor).not.toBeNull();
  });

  it('refuses a foreign workspace filter with 403 and no data', async () => {
    const response = await list('workspace_id=WS-26-000021', workspaceId);

    expect(response.status).toBe(403);
    expect(response.body.data).toBeUndefined();
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['status=sleeping', 'query.status'],
    ['cursor=not-a-cursor', 'query.cursor'],
    ['sort=name', 'query.sort'],
  ])('refuses %s with a 400', async (query, field) => {
    const response = await list(query, workspaceId);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
      field,
    );
  });

  it('refuses a cursor altered or taken from another list', async () => {
    const first = await list('limit=1', workspaceId);
    const cursor: string = first.body.next_cursor;
    const [payload, signature] = cursor.split('.');
    const forged = `${Buffer.from('{"s":"x","k":{}}').toString('base64url')}.${signature}`;

    const filtered = await list(
      `limit=1&status=provisioning&cursor=${cursor}`,
      workspaceId,
    );
    const altered = await list(`limit=1&cursor=${forged}`, workspaceId);

    expect(payload).toBeTruthy();
    expect([filtered.status, filtered.body.code]).toEqual([400, 'invalid_cursor']);
    expect([altered.status, altered.body.code]).toEqual([400, 'invalid_cursor']);
  });
});
