import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estateBody, idempotencyKey, workspaceId } from '../support/factories.ts';
import { send } from '../support/http-client.ts';
import { type LocalProcess, startLocalProcess } from '../support/local-process.ts';

const LIMIT = 8;
const ESTATES = '/v1/infrastructure/estates';
let local: LocalProcess;

beforeAll(async () => {
  local = await startLocalProcess({ WORKSPACE_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
});
afterAll(() => local?.stop());

function request(
  token: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  return send(local, method, path, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

describe('the API contract over HTTP', () => {
  it('replays a POST with the same Idempotency-Key byte for byte', async () => {
    const workspace = workspaceId();
    const token = await local.token({ workspaceId: workspace });
    const options = {
      body: estateBody({ workspace_id: workspace }),
      headers: { 'idempotency-key': idempotencyKey() },
    };

    const first = await request(token, 'POST', ESTATES, options);
    const second = await request(token, 'POST', ESTATES, options);
    const listed = await request(token, 'GET', ESTATES);

    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('etag')).toBe('"v1"');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(JSON.parse(listed.text).data).toHaveLength(1);
  });

  it('refuses a JSON body that is not UTF-8, or says it is another charset, writing nothing', async () => {
    const workspace = workspaceId();
    const token = await local.token({ workspaceId: workspace });
    const json = JSON.stringify(
      estateBody({ workspace_id: workspace, name: 'bad@@bytes' }),
    );
    const [before, after] = json.split('@@');
    const latin1 = Buffer.concat([
      Buffer.from(before ?? ''),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(after ?? ''),
    ]);
    const post = (body: string | Uint8Array, contentType: string) =>
      send(local, 'POST', ESTATES, {
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
      });

    const bytes = await post(latin1, 'application/json');
    const utf16 = await post(json, 'application/json; charset=utf-16');
    const listed = await request(token, 'GET', ESTATES);

    expect([bytes.status, JSON.parse(bytes.text).code]).toEqual([400, 'invalid_json']);
    expect([utf16.status, JSON.parse(utf16.text).code]).toEqual([
      415,
      'unsupported_media_type',
    ]);
    expect(JSON.parse(listed.text).data).toEqual([]);
  });

  it('answers 429 with Retry-After once a workspace passes the configured limit', async () => {
    const token = await local.token({ workspaceId: workspaceId() });

    let refused: Awaited<ReturnType<typeof send>> | undefined;
    for (let attempt = 0; attempt < 2 * LIMIT + 2 && !refused; attempt += 1) {
      const response = await request(token, 'GET', ESTATES);
      if (response.status === 429) refused = response;
    }

    expect(refused && JSON.parse(refused.text).code).toBe('rate_limited');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
