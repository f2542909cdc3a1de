import { afterEach, describe, expect, it } from 'vitest';
import { handler as listEstates } from '../../../functions/http/estates/list-estates.ts';
import { workspaceId } from '../../support/factories.ts';
import { type CallResult, call } from '../../support/http.ts';
import { useTable } from '../../support/table.ts';

useTable();
afterEach(() => {
  delete process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE;
});

const ESTATES = '/v1/infrastructure/estates';
const list = (workspace: string) =>
  call(listEstates, {
    routeKey: `GET ${ESTATES}`,
    path: ESTATES,
    workspaceId: workspace,
  });

/** Calls until the first 429; a window may turn over mid-way, so allow two windows' worth. */
async function untilLimited(workspace: string, limit: number) {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 2 * limit + 2; attempt += 1) {
    const response = await list(workspace);
    statuses.push(response.status);
    if (response.status === 429) return { statuses, refused: response };
  }
  return { statuses, refused: undefined as CallResult | undefined };
}

describe('workspace rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a workspace passes its limit', async () => {
    process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE = '3';

    const { statuses, refused } = await untilLimited(workspaceId(), 3);

    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(refused?.body.code).toBe('rate_limited');
    expect(refused?.headers['content-type']).toBe('application/problem+json');
    const retryAfter = Number(refused?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('counts each workspace on its own', async () => {
    process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE = '2';
    const busy = workspaceId();
    await untilLimited(busy, 2);

    const other = await list(workspaceId());

    expect(other.status).toBe(200);
  });

  it('lets everything through when the limit is 0', async () => {
    process.env.WORKSPACE_RATE_LIMIT_PER_MINUTE = '0';
    const workspace = workspaceId();

    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      statuses.push((await list(workspace)).status);

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });
});
