import { describe, expect, it } from 'vitest';
import { handler as createEstate } from '../../../functions/http/estates/create-estate.ts';
import { handler as listEstates } from '../../../functions/http/estates/list-estates.ts';
import { estateBody, idempotencyKey, workspaceId } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { useLocalAws } from '../../support/local-aws.ts';

process.env.SIM_TIME_SCALE = '0.01';
useLocalAws();

const ESTATES = '/v1/infrastructure/estates';

const post = (workspace: string, key: string | undefined, body: unknown) =>
  call(createEstate, {
    routeKey: `POST ${ESTATES}`,
    path: ESTATES,
    body,
    workspaceId: workspace,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });

async function estateCount(workspace: string): Promise<number> {
  const response = await call(listEstates, {
    routeKey: `GET ${ESTATES}`,
    path: ESTATES,
    query: 'limit=100',
    workspaceId: workspace,
  });
  return response.body.data.length;
}

describe('Idempotency-Key on POST /v1/infrastructure/estates', () => {
  it('replays the first response byte for byte and creates one estate', async () => {
    const workspace = workspaceId();
    const key = idempotencyKey();
    const body = estateBody({ workspace_id: workspace });

    const first = await post(workspace, key, body);
    const second = await post(workspace, key, body);

    expect(first.status).toBe(202);
    expect(second.status).toBe(first.status);
    expect(second.text).toBe(first.text);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await estateCount(workspace)).toBe(1);
  });

  it('replays a request whose body orders its fields differently', async () => {
    const workspace = workspaceId();
    const key = idempotencyKey();
    const { name, ...rest } = estateBody({ workspace_id: workspace });

    const first = await post(workspace, key, { name, ...rest });
    const second = await post(workspace, key, { ...rest, name });

    expect(second.text).toBe(first.text);
    expect(await estateCount(workspace)).toBe(1);
  });

  it('answers 422 when the key comes back with another body', async () => {
    const workspace = workspaceId();
    const key = idempotencyKey();
    await post(workspace, key, estateBody({ workspace_id: workspace }));

    const response = await post(
      workspace,
      key,
      estateBody({ workspace_id: workspace, name: 'Another estate' }),
    );

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('idempotency_key_reused');
    expect(await estateCount(workspace)).toBe(1);
  });

  it('has one side effect for ten parallel requests with one key', async () => {
    const workspace = workspaceId();
    const key = idempotencyKey();
    const body = estateBody({ workspace_id: workspace });

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(workspace, key, body)),
    );

    const created = responses.filter(
      (response) => response.status === 202 && !response.headers['idempotent-replayed'],
    );
    const others = responses.filter((response) => !created.includes(response));
    expect(created).toHaveLength(1);
    for (const response of others) {
      expect([409, 202]).toContain(response.status);
      if (response.status === 409) {
        expect(response.body.code).toBe('idempotency_request_in_progress');
        expect(response.headers['retry-after']).toBe('1');
      } else expect(response.text).toBe(created[0]?.text);
    }
    expect(await estateCount(workspace)).toBe(1);
  });

  it('lets a corrected request succeed with the key of a refused one', async () => {
    const workspace = workspaceId();
    const key = idempotencyKey();

    const refused = await post(
      workspace,
      key,
      estateBody({ workspace_id: workspace, region: 'mars-1' }),
    );
    const corrected = await post(workspace, key, estateBody({ workspace_id: workspace }));

    expect(refused.status).toBe(400);
    expect(corrected.status).toBe(202);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps the keys of one workspace apart from another’s', async () => {
    const [mine, theirs] = [workspaceId(), workspaceId()];
    const key = idempotencyKey();

    const first = await post(mine, key, estateBody({ workspace_id: mine }));
    const second = await post(theirs, key, estateBody({ workspace_id: theirs }));

    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.data.id).not.toBe(first.body.data.id);
  });

  it('stores a refusal by the action and replays it', async () => {
    const workspace = workspaceId();
    const key = idempotencyKey();
    const body = estateBody({ workspace_id: 'WS-26-000099' });

    const first = await post(workspace, key, body);
    const second = await post(workspace, key, body);

    expect(first.status).toBe(403);
    expect(second.text).toBe(first.text);
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  it.each([
    ['an empty key', ''],
    ['a key with a space', 'my key'],
    ['a key of 256 characters', 'k'.repeat(256)],
  ])('refuses %s with a 400 naming the header', async (_case, key) => {
    const workspace = workspaceId();

    const response = await post(workspace, key, estateBody({ workspace_id: workspace }));

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_idempotency_key');
    expect(response.body.errors[0].field).toBe('header.idempotency-key');
  });

  it('creates an estate for each request without a key', async () => {
    const workspace = workspaceId();
    const body = estateBody({ workspace_id: workspace });

    await post(workspace, undefined, body);
    await post(workspace, undefined, body);

    expect(await estateCount(workspace)).toBe(2);
  });
});
