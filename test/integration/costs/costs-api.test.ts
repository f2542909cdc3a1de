import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestUsage } from '../../../functions/domain/costs/ingest-usage.ts';
import { handler as getCosts } from '../../../functions/http/costs/get-costs.ts';
import { documentClient } from '../../../functions/store/client.ts';
import * as keys from '../../../functions/store/keys.ts';
import { tableName } from '../../../functions/store/table.ts';
import { commandsSent } from '../../support/commands.ts';
import { seedEnvironment, seedService, usageRecord } from '../../support/costs.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const COSTS = '/v1/infrastructure/costs';
const get = (query: string, workspaceId?: string) =>
  call(getCosts, {
    routeKey: `GET ${COSTS}`,
    path: COSTS,
    query,
    ...(workspaceId ? { workspaceId } : {}),
  });

/** A dollar per vCPU-hour, so quantities read as dollars. */
async function priceAtOneDollar(estateId: string) {
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.estatePrices(estateId),
        entity: 'estate_prices',
        estate_id: estateId,
        prices: { 'container_service.vcpu_hours': '1000000000' },
      },
    }),
  );
}

const daily = (serviceId: string, days: number, dollars: number, prefix: string) =>
  Array.from({ length: days }, (_, i) =>
    usageRecord(serviceId, {
      record_id: `${prefix}-${i}`,
      quantity: dollars,
      time: `2026-04-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
    }),
  );

describe('GET /v1/infrastructure/costs', () => {
  let estateId = '';
  let productionId = '';

  beforeAll(async () => {
    const estate = await seedActiveEstate();
    estateId = estate.id;
    await priceAtOneDollar(estate.id);
    productionId = await seedEnvironment(estate, 'production');
    const production = await seedService(estate, productionId);
    const staging = await seedService(estate, await seedEnvironment(estate, 'staging'));
    const development = await seedService(
      estate,
      await seedEnvironment(estate, 'development'),
      { name: 'ledger' },
    );
    const outside = [
      usageRecord(production.service_id, { time: '2026-03-31T23:59:59Z', quantity: 7 }),
      usageRecord(production.service_id, { time: '2026-04-16T00:00:00Z', quantity: 9 }),
    ];
    await ingestUsage(
      estate.workspace_id,
      [
        ...daily(production.service_id, 15, 216, 'prod'),
        ...daily(staging.service_id, 10, 98, 'staging'),
        ...daily(development.service_id, 5, 120, 'dev'),
        ...outside,
      ],
      { now: new Date('2026-04-16T12:00:00Z') },
    );
  });

  it('returns the spec’s example: 4820.00 split 67.2 / 20.3 / 12.5', async () => {
    const response = await get(
      `estate_id=${estateId}&from=2026-04-01&to=2026-04-15&group_by=environment`,
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        estate_id: estateId,
        period: { from: '2026-04-01', to: '2026-04-15' },
        total: 4820,
        currency: 'USD',
        breakdown: [
          { group: 'production', cost: 3240, percent: 67.2 },
          { group: 'staging', cost: 980, percent: 20.3 },
          { group: 'development', cost: 600, percent: 12.5 },
        ],
      },
    });
  });

  it('includes both ends of the range', async () => {
    const response = await get(
      `estate_id=${estateId}&from=2026-03-31&to=2026-04-16&group_by=metric`,
    );

    expect(response.body.data.total).toBe(4836);
  });

  it('groups by day in calendar order and by service with environment names', async () => {
    const byDay = await get(
      `estate_id=${estateId}&from=2026-04-01&to=2026-04-02&group_by=day`,
    );
    const byService = await get(
      `estate_id=${estateId}&from=2026-04-01&to=2026-04-15&group_by=service`,
    );

    expect(
      byDay.body.data.breakdown.map((line: { group: string }) => line.group),
    ).toEqual(['2026-04-01', '2026-04-02']);
    expect(byDay.body.data.total).toBe(868);
    expect(
      byService.body.data.breakdown.map((line: { group: string }) => line.group),
    ).toEqual(['production/payments-api', 'staging/payments-api', 'development/ledger']);
  });

  it('reports one environment', async () => {
    const response = await get(
      `environment_id=${productionId}&from=2026-04-01&to=2026-04-15&group_by=service`,
    );

    expect(response.body.data).toMatchObject({
      environment_id: productionId,
      total: 3240,
      breakdown: [{ group: 'payments-api', cost: 3240, percent: 100 }],
    });
  });

  it('gives zero percents for a range with no spend', async () => {
    const response = await get(
      `estate_id=${estateId}&from=2025-01-01&to=2025-01-31&group_by=environment`,
    );

    expect(response.body.data).toMatchObject({ total: 0, breakdown: [] });
  });

  it('gives a zero report of an own environment over a range with no spend', async () => {
    const response = await get(
      `environment_id=${productionId}&from=2025-01-01&to=2025-01-31&group_by=service`,
    );

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ total: 0, breakdown: [] });
  });

  it.each([
    ['estate_id', () => estateId],
    ['environment_id', () => productionId],
  ])('reads a range with spend by %s in one DynamoDB call', async (name, id) => {
    const sent = await commandsSent(async () => {
      const response = await get(
        `${name}=${id()}&from=2026-04-01&to=2026-04-15&group_by=service`,
      );
      expect(response.status).toBe(200);
    });

    expect(sent).toEqual(['QueryCommand']);
  });

  it('reads a range with no spend in two calls: the Query, then the owner', async () => {
    const sent = await commandsSent(() =>
      get(`estate_id=${estateId}&from=2025-01-01&to=2025-01-31&group_by=environment`),
    );

    expect(sent).toEqual(['QueryCommand', 'GetItemCommand']);
  });

  it('leaves out rollups recorded before they carried their workspace', async () => {
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.costDay(
            estateId,
            '2026-05-02',
            productionId,
            'INFSVC-26-999999',
            'vcpu_hours',
          ),
          entity: 'cost_day',
          estate_id: estateId,
          environment_id: productionId,
          service_id: 'INFSVC-26-999999',
          metric: 'vcpu_hours',
          day: '2026-05-02',
          cost_femtos: 5_000_000_000_000_000n,
        },
      }),
    );

    const own = await get(
      `estate_id=${estateId}&from=2026-05-02&to=2026-05-02&group_by=day`,
    );
    const foreign = await get(
      `estate_id=${estateId}&from=2026-05-02&to=2026-05-02&group_by=day`,
      'WS-26-000099',
    );

    expect(own.body.data).toMatchObject({ total: 0, breakdown: [] });
    expect(foreign.status).toBe(404);
  });

  it.each([
    ['from=2026-02-30&to=2026-03-01&group_by=day', 'query.from'],
    ['from=2026-4-01&to=2026-04-02&group_by=day', 'query.from'],
    ['from=2026-04-02&to=2026-04-01&group_by=day', 'query.to'],
    ['from=2025-01-01&to=2026-04-01&group_by=day', 'query.to'],
    ['from=2026-04-01&to=2026-04-02', 'query.group_by'],
    ['from=2026-04-01&to=2026-04-02&group_by=region', 'query.group_by'],
  ])('refuses %s naming %s', async (query, field) => {
    const response = await get(`estate_id=${estateId}&${query}`);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each([
    ['reversed', 'from=2026-04-02&to=2026-04-01'],
    ['over a year long', 'from=2025-01-01&to=2026-04-01'],
  ])('names a %s range invalid_range', async (_what, range) => {
    const response = await get(`estate_id=${estateId}&${range}&group_by=day`);

    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ field: 'query.to', code: 'invalid_range' }),
    );
  });

  it.each([
    ['neither', ''],
    ['both', `estate_id=ESTATE-26-000001&environment_id=INFENV-26-000001&`],
  ])('refuses %s of estate_id and environment_id as invalid_filter', async (_, scope) => {
    const response = await get(`${scope}from=2026-04-01&to=2026-04-02&group_by=day`);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'query.estate_id', code: 'invalid_filter' }),
    ]);
  });

  it('says a missing group_by is required, with the code of a missing enum field', async () => {
    const response = await get(`estate_id=${estateId}&from=2026-04-01&to=2026-04-02`);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'query.group_by',
        message: 'group_by is required.',
        code: 'invalid_value',
      },
    ]);
  });

  it('names the groups when group_by is not one of them', async () => {
    const response = await get(
      `estate_id=${estateId}&from=2026-04-01&to=2026-04-02&group_by=region`,
    );

    expect(response.body.errors).toEqual([
      {
        field: 'query.group_by',
        message: 'group_by must be one of: environment, service, day, metric.',
        code: 'invalid_value',
      },
    ]);
  });

  it.each([
    ['estate_id', () => estateId, 'estate_not_found'],
    ['environment_id', () => productionId, 'environment_not_found'],
  ])(
    'answers 404 and shows nothing of another workspace’s %s',
    async (name, id, code) => {
      const response = await get(
        `${name}=${id()}&from=2026-04-01&to=2026-04-02&group_by=day`,
        'WS-26-000099',
      );

      expect(response.status).toBe(404);
      expect(response.body.code).toBe(code);
      expect(response.body).not.toHaveProperty('data');
    },
  );

  it.each([
    ['another workspace’s estate', () => estateId, 'WS-26-000099'],
    ['an unknown estate', () => 'ESTATE-26-999999', undefined],
  ])('answers 404 for %s over a range with no spend', async (_, id, workspace) => {
    const response = await get(
      `estate_id=${id()}&from=2025-01-01&to=2025-01-31&group_by=day`,
      workspace,
    );

    expect(response.status).toBe(404);
  });

  it('answers 404 for an unknown environment', async () => {
    const response = await get(
      'environment_id=INFENV-26-999999&from=2026-04-01&to=2026-04-02&group_by=day',
    );

    expect(response.status).toBe(404);
  });
});

describe('GET /v1/infrastructure/costs after an environment is renamed', () => {
  const groups = (response: { body: { data: { breakdown: { group: string }[] } } }) =>
    response.body.data.breakdown.map((line) => line.group);

  it('labels new usage with the new name and keeps the old name on older days', async () => {
    const estate = await seedActiveEstate();
    await priceAtOneDollar(estate.id);
    const environmentId = await seedEnvironment(estate, 'staging');
    const { service_id } = await seedService(estate, environmentId);
    const now = { now: new Date('2026-04-16T12:00:00Z') };
    await ingestUsage(estate.workspace_id, daily(service_id, 2, 10, 'before'), now);
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.environment(environmentId),
        UpdateExpression: 'SET #name = :name',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': 'preprod' },
      }),
    );
    await ingestUsage(
      estate.workspace_id,
      [usageRecord(service_id, { quantity: 5, time: '2026-04-03T10:00:00Z' })],
      now,
    );

    const before = await get(
      `estate_id=${estate.id}&from=2026-04-01&to=2026-04-02&group_by=service`,
    );
    const across = await get(
      `estate_id=${estate.id}&from=2026-04-01&to=2026-04-03&group_by=environment`,
    );
    const byDay = await get(
      `environment_id=${environmentId}&from=2026-04-01&to=2026-04-03&group_by=day`,
    );

    expect(groups(before)).toEqual(['staging/payments-api']);
    expect(across.body.data.breakdown).toEqual([
      { group: 'preprod', cost: 25, percent: 100 },
    ]);
    expect(byDay.body.data.total).toBe(25);
  });
});
