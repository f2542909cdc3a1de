import { describe, expect, it } from 'vitest';
import { handler as ingest } from '../../../functions/http/costs/ingest-usage.ts';
import { handler as listEnvironments } from '../../../functions/http/environments/list-environments.ts';
import { handler as getEstate } from '../../../functions/http/estates/get-estate.ts';
import { handler as getService } from '../../../functions/http/services/get-service.ts';
import { listEvents } from '../../../functions/store/events.ts';
import { seedEnvironment, seedService, usageRecord } from '../../support/costs.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const USAGE = '/v1/infrastructure/usage';
const post = (records: unknown[], workspaceId?: string) =>
  call(ingest, {
    routeKey: `POST ${USAGE}`,
    path: USAGE,
    body: { records },
    ...(workspaceId ? { workspaceId } : {}),
  });

async function workload() {
  const estate = await seedActiveEstate();
  const environmentId = await seedEnvironment(estate, 'production');
  return seedService(estate, environmentId);
}

describe('POST /v1/infrastructure/usage', () => {
  it('accepts records and prices them at the estate region’s list price', async () => {
    const { service_id } = await workload();

    const response = await post([
      usageRecord(service_id, { quantity: 100 }),
      usageRecord(service_id, { metric: 'memory_gb_hours', quantity: 200 }),
    ]);

    expect(response.status).toBe(200);
    // eu-west-1: 100 × $0.04048 × 1.08 + 200 × $0.004445 × 1.08 = 4.371840 + 0.960120
    expect(response.body.data).toMatchObject({ accepted: 2, duplicates: 0, cost: 5.33 });
  });

  it('says a re-sent record is a duplicate and counts it once', async () => {
    const { service_id } = await workload();
    const record = usageRecord(service_id, { quantity: 10 });
    await post([record]);

    const again = await post([record, usageRecord(service_id)]);

    expect(again.body.data.accepted).toBe(1);
    expect(again.body.data.duplicates).toBe(1);
    expect(again.body.data.records[0]).toEqual({
      record_id: record.record_id,
      status: 'duplicate',
    });
  });

  it('counts records sent concurrently by several callers once', async () => {
    const { service_id } = await workload();
    const records = Array.from({ length: 20 }, () => usageRecord(service_id));

    const responses = await Promise.all(Array.from({ length: 4 }, () => post(records)));

    const accepted = responses.map((response) => response.body.data.accepted);
    expect(accepted.reduce((a, b) => a + b, 0)).toBe(20);
    const again = await post(records);
    expect(again.body.data.duplicates).toBe(20);
  });

  it('counts a record repeated within one batch once', async () => {
    const { service_id } = await workload();
    const record = usageRecord(service_id);

    const response = await post([record, record]);

    expect(response.body.data.records.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'duplicate',
    ]);
  });

  it('reports every bad record by index and records none of them', async () => {
    const { service_id } = await workload();
    const good = usageRecord(service_id);

    const response = await post([
      good,
      usageRecord(service_id, { quantity: -1 }),
      usageRecord(service_id, { quantity: 0.0000001 }),
      usageRecord(service_id, { metric: 'requests' }),
      usageRecord('INFSVC-26-999999'),
    ]);
    const retry = await post([good]);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((f: { field: string }) => f.field)).toEqual([
      'body.records.1.quantity',
      'body.records.2.quantity',
    ]);
    expect(retry.body.data.accepted).toBe(1);
  });

  it('names records of unknown services or unbilled metrics after the shape is right', async () => {
    const { service_id } = await workload();

    const response = await post([
      usageRecord(service_id),
      usageRecord(service_id, { metric: 'requests' }),
      usageRecord('INFSVC-26-999999'),
    ]);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((f: { field: string }) => f.field)).toEqual([
      'body.records.1.metric',
      'body.records.2.service_id',
    ]);
  });

  it('treats another workspace’s service as unknown', async () => {
    const { service_id } = await workload();

    const response = await post([usageRecord(service_id)], 'WS-26-000099');

    expect(response.body.errors[0].field).toBe('body.records.0.service_id');
  });

  it('refuses more than 400 records', async () => {
    const records = Array.from({ length: 401 }, (_, i) => ({
      ...usageRecord('INFSVC-26-000001', { record_id: `r${i}` }),
      time: '2026-04-15T10:00:00Z',
    }));

    const response = await post(records);

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('body.records');
  });

  it('writes one metering event per batch under the estate’s service line', async () => {
    const { service_id, estate_id } = await workload();

    await post([usageRecord(service_id), usageRecord(service_id)]);
    const events = await listEvents(
      estate_id,
      { type: 'infrastructure.usage.metered' },
      10,
    );

    expect(events.items).toHaveLength(1);
    expect(events.items[0]?.service_line_id).toMatch(/^LIN-/);
    expect(events.items[0]?.data.record_count).toBe(2);
  });
});

describe('cost_mtd', () => {
  it('shows the month to date on the estate, environment and service', async () => {
    const { service_id, environment_id, estate_id } = await workload();
    await post([usageRecord(service_id, { quantity: 1000 })]);

    const [estate, environment, service] = await Promise.all([
      call(getEstate, {
        routeKey: 'GET /v1/infrastructure/estates/{id}',
        path: `/v1/infrastructure/estates/${estate_id}`,
        pathParameters: { id: estate_id },
      }),
      call(listEnvironments, {
        routeKey: 'GET /v1/infrastructure/environments',
        path: '/v1/infrastructure/environments',
        query: `estate_id=${estate_id}`,
      }),
      call(getService, {
        routeKey: 'GET /v1/infrastructure/services/{id}',
        path: `/v1/infrastructure/services/${service_id}`,
        pathParameters: { id: service_id },
      }),
    ]);

    // 1000 vCPU-hours in eu-west-1 at $0.04048 × 1.08
    expect(estate.body.data).toMatchObject({ cost_mtd: 43.72, currency: 'USD' });
    expect(estate.body.data.cost_forecast).toBeGreaterThanOrEqual(43.72);
    expect(environment.body.data[0]).toMatchObject({
      id: environment_id,
      cost_mtd: 43.72,
    });
    expect(service.body.data.cost_mtd).toBe(43.72);
  });
});
