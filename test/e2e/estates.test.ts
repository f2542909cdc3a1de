import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../../infra/local/jwt.ts';
import { estateBody } from '../support/factories.ts';
import { send } from '../support/http-client.ts';
import { type LocalProcess, startLocalProcess } from '../support/local-process.ts';

let local: LocalProcess;
let token: string;

beforeAll(async () => {
  local = await startLocalProcess();
  token = await local.token();
});
afterAll(() => local?.stop());

async function request(
  method: string,
  path: string,
  options: { body?: string; auth?: string; type?: string } = {},
) {
  const reply = await send(local, method, path, {
    headers: {
      ...(options.auth === ''
        ? {}
        : { authorization: `Bearer ${options.auth ?? token}` }),
      ...(options.body === undefined
        ? {}
        : { 'content-type': options.type ?? 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  return {
    status: reply.status,
    headers: reply.headers,
    body: reply.text ? JSON.parse(reply.text) : undefined,
  };
}

const ESTATES = '/v1/infrastructure/estates';

describe('estates over HTTP', () => {
  it('creates, reads and lists an estate from the spec’s body', async () => {
    const created = await request('POST', ESTATES, {
      body: JSON.stringify(estateBody()),
    });
    const id = created.body.data.id;

    const fetched = await request('GET', `${ESTATES}/${id}`);
    const listed = await request('GET', `${ESTATES}?workspace_id=WS-26-000021`);

    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toBe(`${ESTATES}/${id}`);
    expect(fetched.body.data).toMatchObject({
      id,
      status: 'provisioning',
      currency: 'USD',
    });
    expect(listed.body.data.map((estate: { id: string }) => estate.id)).toContain(id);
    expect(fetched.headers.get('x-request-id')).toBeTruthy();
  });

  it.each([
    ['an empty body', ''],
    ['invalid JSON', '{"name": '],
    ['a JSON array', '[]'],
  ])('answers a problem for %s', async (_case, body) => {
    const response = await request('POST', ESTATES, { body });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.code).toMatch(/^[a-z_]+$/);
    expect(response.body.request_id).toBe(response.headers.get('x-request-id'));
  });

  it('answers 400 for a bad ID, a bad cursor and limit=0', async () => {
    const badId = await request('GET', `${ESTATES}/not-an-id`);
    const badCursor = await request('GET', `${ESTATES}?cursor=eyJ9.abc`);
    const zero = await request('GET', `${ESTATES}?limit=0`);

    expect([badId.status, badCursor.status, zero.status]).toEqual([400, 400, 400]);
    expect(badCursor.body.code).toBe('invalid_cursor');
  });

  it('keeps one workspace out of another’s estates', async () => {
    const created = await request('POST', ESTATES, {
      body: JSON.stringify(estateBody()),
    });
    const other = await local.token({ workspaceId: 'WS-26-000099' });

    const read = await request('GET', `${ESTATES}/${created.body.data.id}`, {
      auth: other,
    });
    const filter = await request('GET', `${ESTATES}?workspace_id=WS-26-000021`, {
      auth: other,
    });
    const own = await request('GET', ESTATES, { auth: other });

    expect(read.status).toBe(404);
    expect(filter.status).toBe(403);
    expect(own.body.data).toEqual([]);
  });

  it('refuses missing, expired, unsigned and foreign-signed tokens like the JWT authorizer', async () => {
    const expired = await local.token({ ttlSeconds: -60 });
    const [header, payload] = token.split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const foreignKey = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ workspace_id: 'WS-26-000021', scope: 'read' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(foreignKey.privateKey);

    const statuses = await Promise.all(
      ['', expired, unsigned, foreign, `${header}.${payload}.bad`].map(
        async (auth) => (await request('GET', ESTATES, { auth })).status,
      ),
    );

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  });

  it('serves the OpenAPI document without a token', async () => {
    const response = await request('GET', '/v1/openapi.json', { auth: '' });

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.1');
    expect(response.body.paths[ESTATES].get.operationId).toBe('ListEstates');
  });

  it('answers 404 for a route that does not exist', async () => {
    const response = await request('GET', '/v1/infrastructure/nothing');

    expect(response.status).toBe(404);
  });

  it('writes its own lines as JSON with level, message, timestamp and service', () => {
    const lines = local
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const ready = lines.find((line) => line.message === 'local runtime ready');

    expect(ready).toMatchObject({ level: 'INFO', service: 'local-runtime' });
    expect(Number.isNaN(Date.parse(String(ready?.timestamp)))).toBe(false);
    for (const line of lines)
      expect(Object.keys(line).slice(0, 4)).toEqual([
        'level',
        'message',
        'timestamp',
        'service',
      ]);
  });
});
