import { describe, expect, it } from 'vitest';
import { handler as createBudget } from '../../../functions/http/budgets/create-budget.ts';
import { handler as deleteBudget } from '../../../functions/http/budgets/delete-budget.ts';
import { handler as getBudget } from '../../../functions/http/budgets/get-budget.ts';
import { handler as listBudgets } from '../../../functions/http/budgets/list-budgets.ts';
import { handler as getPrices } from '../../../functions/http/costs/get-prices.ts';
import { handler as ingest } from '../../../functions/http/costs/ingest-usage.ts';
import { handler as putPrices } from '../../../functions/http/costs/put-prices.ts';
import { listEvents } from '../../../functions/store/events.ts';
import { seedEnvironment, seedService, usageRecord } from '../../support/costs.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const BUDGETS = '/v1/infrastructure/budgets';
const prices = (estateId: string) => `/v1/infrastructure/estates/${estateId}/prices`;

async function dollarPricedWorkload() {
  const estate = await seedActiveEstate();
  const environmentId = await seedEnvironment(estate, 'production');
  const workload = await seedService(estate, environmentId);
  await call(putPrices, {
    routeKey: 'PUT /v1/infrastructure/estates/{id}/prices',
    path: prices(estate.id),
    pathParameters: { id: estate.id },
    body: { prices: { 'container_service.vcpu_hours': '1' } },
  });
  return workload;
}

const spend = (serviceId: string, dollars: number) =>
  call(ingest, {
    routeKey: 'POST /v1/infrastructure/usage',
    path: '/v1/infrastructure/usage',
    body: { records: [usageRecord(serviceId, { quantity: dollars })] },
  });

const actualAlerts = async (estateId: string) =>
  (
    await listEvents(estateId, { type: 'infrastructure.cost.threshold_exceeded' }, 100)
  ).items
    .filter((event) => event.data.basis === 'actual')
    .map((event) => event.data.threshold_percent);

describe('estate prices', () => {
  it('shows list prices with the estate’s overrides', async () => {
    const { estate_id } = await dollarPricedWorkload();

    const response = await call(getPrices, {
      routeKey: 'GET /v1/infrastructure/estates/{id}/prices',
      path: prices(estate_id),
      pathParameters: { id: estate_id },
    });

    expect(response.body.data.prices).toContainEqual({
      service_type: 'container_service',
      metric: 'vcpu_hours',
      unit_price: '1',
      source: 'override',
    });
    expect(response.body.data.prices).toContainEqual({
      service_type: 'message_queue',
      metric: 'requests',
      unit_price: '0.000000432',
      source: 'list',
    });
  });
});

describe('budgets', () => {
  it('announces each threshold of actual spend once a month', async () => {
    const { estate_id, service_id } = await dollarPricedWorkload();
    const created = await call(createBudget, {
      routeKey: `POST ${BUDGETS}`,
      path: BUDGETS,
      body: { estate_id, amount: 100, thresholds: [50, 100] },
    });

    await spend(service_id, 60);
    await spend(service_id, 10);
    const afterHalf = await actualAlerts(estate_id);
    await spend(service_id, 30);
    const afterAll = await actualAlerts(estate_id);

    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ amount: 100, thresholds: [50, 100] });
    // Whole seconds, like every other resource's timestamps.
    expect(created.body.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(afterHalf).toEqual([50]);
    expect(afterAll.sort()).toEqual([100, 50]);
  });

  it('reads, lists and deletes a budget of an environment', async () => {
    const { estate_id, environment_id } = await dollarPricedWorkload();
    const created = await call(createBudget, {
      routeKey: `POST ${BUDGETS}`,
      path: BUDGETS,
      body: { environment_id, amount: 12.5 },
    });
    const id = created.body.data.id;
    const byId = { path: `${BUDGETS}/${id}`, pathParameters: { id } };

    const listed = await call(listBudgets, {
      routeKey: `GET ${BUDGETS}`,
      path: BUDGETS,
      query: `estate_id=${estate_id}`,
    });
    const foreign = await call(getBudget, {
      routeKey: `GET ${BUDGETS}/{id}`,
      ...byId,
      workspaceId: 'WS-26-000099',
    });
    const conditional = await call(deleteBudget, {
      routeKey: `DELETE ${BUDGETS}/{id}`,
      ...byId,
      headers: { 'if-match': '"v9"' },
    });
    const removed = await call(deleteBudget, {
      routeKey: `DELETE ${BUDGETS}/{id}`,
      ...byId,
    });
    const gone = await call(getBudget, { routeKey: `GET ${BUDGETS}/{id}`, ...byId });

    expect(listed.body.data).toEqual([created.body.data]);
    expect(created.body.data.thresholds).toEqual([50, 80, 100]);
    expect(foreign.status).toBe(404);
    expect([conditional.status, conditional.body.code]).toEqual([
      400,
      'if_match_unsupported',
    ]);
    expect(removed.status).toBe(204);
    expect(gone.status).toBe(404);
  });

  it('pages through an estate’s budgets in creation order, like every list', async () => {
    const { estate_id, environment_id } = await dollarPricedWorkload();
    const ids: string[] = [];
    for (const body of [
      { estate_id, amount: 100 },
      { environment_id, amount: 40 },
      { environment_id, amount: 60 },
    ]) {
      const created = await call(createBudget, {
        routeKey: `POST ${BUDGETS}`,
        path: BUDGETS,
        body,
      });
      ids.push(created.body.data.id);
    }
    const list = (query: string) =>
      call(listBudgets, { routeKey: `GET ${BUDGETS}`, path: BUDGETS, query });

    const first = await list(`estate_id=${estate_id}&limit=2`);
    const second = await list(
      `estate_id=${estate_id}&limit=2&cursor=${first.body.next_cursor}`,
    );
    const tampered = await list(
      `estate_id=${estate_id}&cursor=x${first.body.next_cursor}`,
    );

    expect(first.body.data.map((budget: { id: string }) => budget.id)).toEqual(
      ids.slice(0, 2),
    );
    expect(second.body.data.map((budget: { id: string }) => budget.id)).toEqual(
      ids.slice(2),
    );
    expect(second.body.next_cursor).toBeNull();
    expect([tampered.status, tampered.body.code]).toEqual([400, 'invalid_cursor']);
  });

  it('refuses an amount with more than two decimals', async () => {
    const { estate_id } = await dollarPricedWorkload();

    const response = await call(createBudget, {
      routeKey: `POST ${BUDGETS}`,
      path: BUDGETS,
      body: { estate_id, amount: 1.005 },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('body.amount');
  });

  it.each([
    ['neither', {}],
    ['both', { estate_id: 'ESTATE-26-000001', environment_id: 'INFENV-26-000001' }],
  ])('refuses %s of estate_id and environment_id as invalid_filter', async (_, scope) => {
    const response = await call(createBudget, {
      routeKey: `POST ${BUDGETS}`,
      path: BUDGETS,
      body: { ...scope, amount: 100 },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'body.estate_id', code: 'invalid_filter' }),
    ]);
  });
});
