import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import type { FinalizeRequestMiddleware, MetadataBearer } from '@smithy/types';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../functions/store/client.ts';
import { environmentBody, idempotencyKey, workspaceId } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';
import { violations } from '../support/checks.ts';

useTable();

/** Which commands the table throttles, and how many attempts of each are left to throttle. */
const throttled = new Map<string, number>();
let throttledAttempts = 0;

// Sits inside the SDK's retry loop, so every attempt meets it: the SDK's own retries
// either outlast the throttling or give up with ProvisionedThroughputExceededException.
const throttle: FinalizeRequestMiddleware<object, MetadataBearer> =
  (next, context) => async (args) => {
    const left = throttled.get(String(context.commandName)) ?? 0;
    if (left <= 0) return next(args);
    throttled.set(String(context.commandName), left - 1);
    throttledAttempts += 1;
    throw new ProvisionedThroughputExceededException({
      message:
        'The level of configured provisioned throughput for the table was exceeded.',
      $metadata: { httpStatusCode: 400 },
    });
  };

beforeAll(() => {
  documentClient.middlewareStack.add(throttle, {
    step: 'finalizeRequest',
    priority: 'low',
    name: 'robustnessThrottle',
  });
});
afterEach(() => {
  throttled.clear();
  throttledAttempts = 0;
});

const ROUTE = 'POST /v1/infrastructure/environments';

async function createEnvironment(workspace: string, estateId: string, key: string) {
  const { handler } = await import(
    '../../../functions/http/environments/create-environment.ts'
  );
  return call(handler, {
    routeKey: ROUTE,
    path: '/v1/infrastructure/environments',
    body: environmentBody(estateId),
    headers: { 'idempotency-key': key },
    workspaceId: workspace,
  });
}

async function environmentsOf(workspace: string, estateId: string) {
  const { handler } = await import(
    '../../../functions/http/environments/list-environments.ts'
  );
  const listed = await call(handler, {
    routeKey: 'GET /v1/infrastructure/environments',
    path: '/v1/infrastructure/environments',
    query: `estate_id=${estateId}`,
    workspaceId: workspace,
  });
  return listed.body.data as unknown[];
}

describe('a throttled table', () => {
  it('is absorbed by the SDK retries when the throttling is brief', async () => {
    const workspace = workspaceId();
    const estate = await seedActiveEstate({ workspace_id: workspace });
    throttled.set('TransactWriteItemsCommand', 2);

    const created = await createEnvironment(workspace, estate.id, idempotencyKey());

    expect(throttledAttempts).toBe(2);
    expect(created.status).toBe(201);
    expect(await environmentsOf(workspace, estate.id)).toHaveLength(1);
  });

  it('answers 503 service_busy with Retry-After, writes nothing, and frees the key', async () => {
    const workspace = workspaceId();
    const estate = await seedActiveEstate({ workspace_id: workspace });
    const key = idempotencyKey();
    throttled.set('TransactWriteItemsCommand', Number.POSITIVE_INFINITY);

    const refused = await createEnvironment(workspace, estate.id, key);
    throttled.clear();
    const listed = await environmentsOf(workspace, estate.id);
    const retried = await createEnvironment(workspace, estate.id, key);

    expect([refused.status, refused.body.code]).toEqual([503, 'service_busy']);
    expect(refused.headers['retry-after']).toBe('1');
    expect(
      violations({
        status: 200,
        contentType: refused.headers['content-type'] ?? '',
        text: refused.text,
      }),
    ).toEqual([]);
    expect(refused.text).not.toMatch(/throughput|Exception|dynamodb/i);
    expect(listed).toEqual([]);
    expect(retried.status).toBe(201);
  });

  it('answers 503 when even reads stay throttled', async () => {
    const workspace = workspaceId();
    const estate = await seedActiveEstate({ workspace_id: workspace });
    throttled.set('GetItemCommand', Number.POSITIVE_INFINITY);

    const refused = await createEnvironment(workspace, estate.id, idempotencyKey());

    expect([refused.status, refused.body.code]).toEqual([503, 'service_busy']);
  });
});
