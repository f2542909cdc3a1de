import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { monthOf } from '../../../functions/domain/costs/dates.ts';
import { ingestUsage } from '../../../functions/domain/costs/ingest-usage.ts';
import { costFieldsOf } from '../../../functions/domain/costs/month-to-date.ts';
import { handler as getEnvironment } from '../../../functions/http/environments/get-environment.ts';
import { handler as listEnvironments } from '../../../functions/http/environments/list-environments.ts';
import { handler as updateEnvironment } from '../../../functions/http/environments/update-environment.ts';
import { handler as deleteEstate } from '../../../functions/http/estates/delete-estate.ts';
import { handler as getEstate } from '../../../functions/http/estates/get-estate.ts';
import { handler as listEstates } from '../../../functions/http/estates/list-estates.ts';
import { handler as updateEstate } from '../../../functions/http/estates/update-estate.ts';
import { handler as getService } from '../../../functions/http/services/get-service.ts';
import { handler as listServices } from '../../../functions/http/services/list-services.ts';
import { handler as updateService } from '../../../functions/http/services/update-service.ts';
import { femtosToAmount } from '../../../functions/platform/money.ts';
import { documentClient } from '../../../functions/store/client.ts';
import * as keys from '../../../functions/store/keys.ts';
import { monthCostOf } from '../../../functions/store/month-costs.ts';
import { tableName } from '../../../functions/store/table.ts';
import { commandsSent } from '../../support/commands.ts';
import {
  type SeededWorkload,
  seedEnvironment,
  seedService,
  usageRecord,
} from '../../support/costs.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const WORKSPACE = 'WS-26-000021';
/** A vCPU-hour of a container service in eu-west-1: $0.04048 × 1.08, in nano-dollars. */
const VCPU_HOUR_NANOS = 43_718_400n;
const INFRA = '/v1/infrastructure';

async function workload(): Promise<SeededWorkload> {
  const estate = await seedActiveEstate();
  const environmentId = await seedEnvironment(estate, 'production');
  return seedService(estate, environmentId);
}

const byId = (resource: string, id: string) => ({
  routeKey: `GET ${INFRA}/${resource}/{id}`,
  path: `${INFRA}/${resource}/${id}`,
  pathParameters: { id },
});
const listOf = (resource: string, query: string) => ({
  routeKey: `GET ${INFRA}/${resource}`,
  path: `${INFRA}/${resource}`,
  query,
});
const patchOf = (resource: string, id: string, body: unknown) => ({
  ...byId(resource, id),
  routeKey: `PATCH ${INFRA}/${resource}/{id}`,
  body,
});

/** The six reads that show cost_mtd, for one workload. */
const reads = (w: SeededWorkload) => ({
  'GET estate': () => call(getEstate, byId('estates', w.estate_id)),
  'list estates': () => call(listEstates, listOf('estates', `workspace_id=${WORKSPACE}`)),
  'GET environment': () => call(getEnvironment, byId('environments', w.environment_id)),
  'list environments': () =>
    call(listEnvironments, listOf('environments', `estate_id=${w.estate_id}`)),
  'GET service': () => call(getService, byId('services', w.service_id)),
  'list services': () =>
    call(listServices, listOf('services', `environment_id=${w.environment_id}`)),
});

const itemOf = async (key: { pk: string; sk: string }) =>
  (await documentClient.send(new GetCommand({ TableName: tableName(), Key: key }))).Item;

/** Runs `act` right before the next transaction the document client sends. */
function beforeNextTransaction(act: () => Promise<unknown>) {
  let armed = true;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (armed && context.commandName === 'TransactWriteItemsCommand') {
        armed = false;
        await act();
      }
      return next(args);
    },
    { step: 'initialize', name: 'testBeforeNextTransaction' },
  );
}

afterEach(() => {
  documentClient.middlewareStack.remove('testBeforeNextTransaction');
});

describe('month-to-date cost on the subjects’ own items', () => {
  it('shows an exact total past 2^53 femto-dollars on every GET and list', async () => {
    const w = await workload();
    const expected = 123_456_789_013n * VCPU_HOUR_NANOS;
    await ingestUsage(WORKSPACE, [
      usageRecord(w.service_id, { quantity: 123_456.789013 }),
    ]);

    const estate = await itemOf(keys.estate(w.estate_id));
    const responses = await Promise.all(Object.values(reads(w)).map((read) => read()));

    // A float would have lost it: this total is not a double.
    expect(BigInt(Number(expected))).not.toBe(expected);
    expect(monthCostOf(estate ?? {}, monthOf(new Date()))).toBe(expected);
    const ours = new Set([w.estate_id, w.environment_id, w.service_id]);
    const shown = responses.map((response) =>
      [response.body.data].flat().find((resource) => ours.has(resource.id)),
    );
    expect(shown.map((resource) => resource?.cost_mtd)).toEqual(
      Array(6).fill(femtosToAmount(expected)),
    );
  });

  it('adds to the estate, environment and service, each once per batch', async () => {
    const w = await workload();
    const records = Array.from({ length: 30 }, () =>
      usageRecord(w.service_id, { quantity: 2 }),
    );

    await ingestUsage(WORKSPACE, records);

    const month = monthOf(new Date());
    const expected = 60_000_000n * VCPU_HOUR_NANOS;
    for (const key of [
      keys.estate(w.estate_id),
      keys.environment(w.environment_id),
      keys.service(w.service_id),
    ])
      expect(monthCostOf((await itemOf(key)) ?? {}, month)).toBe(expected);
  });

  it('starts a new month at zero and keeps late usage in the month it belongs to', async () => {
    const w = await workload();
    const now = new Date();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const lastMonth = new Date(monthStart - 10 * 86_400_000);
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));

    await ingestUsage(
      WORKSPACE,
      [
        usageRecord(w.service_id, { quantity: 10, time: lastMonth.toISOString() }),
        usageRecord(w.service_id, { quantity: 1, time: now.toISOString() }),
      ],
      { now },
    );
    const estate = (await itemOf(keys.estate(w.estate_id))) ?? {};

    expect(monthCostOf(estate, monthOf(lastMonth))).toBe(10_000_000n * VCPU_HOUR_NANOS);
    expect(costFieldsOf(estate, { now }).cost_mtd).toBe(
      femtosToAmount(1_000_000n * VCPU_HOUR_NANOS),
    );
    expect(costFieldsOf(estate, { now: nextMonth, forecast: true })).toEqual({
      cost_mtd: 0,
      cost_forecast: 0,
    });
  });

  it('leaves the ETag alone: metering changes no version', async () => {
    const w = await workload();
    const before = await call(getEstate, byId('estates', w.estate_id));

    await ingestUsage(WORKSPACE, [usageRecord(w.service_id, { quantity: 1000 })]);
    const after = await call(getEstate, byId('estates', w.estate_id));

    expect(after.headers.etag).toBe(before.headers.etag);
    expect(after.body.data.cost_mtd).toBeGreaterThan(before.body.data.cost_mtd);
  });
});

describe('PATCH answers', () => {
  it('show the month to date of the item they changed, as a GET does', async () => {
    const w = await workload();
    await ingestUsage(WORKSPACE, [usageRecord(w.service_id, { quantity: 1000 })]);

    const answers = await Promise.all([
      call(updateEstate, patchOf('estates', w.estate_id, { name: 'Payments (EU)' })),
      call(
        updateEnvironment,
        patchOf('environments', w.environment_id, {
          config: { variables: { LOG_LEVEL: 'warn' } },
        }),
      ),
      call(updateService, patchOf('services', w.service_id, { config: { replicas: 3 } })),
    ]);

    const amount = femtosToAmount(1_000_000_000n * VCPU_HOUR_NANOS);
    expect(answers.map((answer) => answer.body.data.cost_mtd)).toEqual([
      amount,
      amount,
      amount,
    ]);
    expect(answers[0]?.body.data.cost_forecast).toBeGreaterThanOrEqual(amount);
  });
});

describe('DELETE of an estate', () => {
  it('answers with the month to date and forecast a GET shows', async () => {
    const w = await workload();
    await ingestUsage(WORKSPACE, [usageRecord(w.service_id, { quantity: 1000 })]);
    const before = await call(getEstate, byId('estates', w.estate_id));

    const deleted = await call(deleteEstate, {
      ...byId('estates', w.estate_id),
      routeKey: `DELETE ${INFRA}/estates/{id}`,
      query: 'cascade=true',
    });

    const amount = femtosToAmount(1_000_000_000n * VCPU_HOUR_NANOS);
    expect(deleted.status).toBe(202);
    expect([before.body.data.cost_mtd, deleted.body.data.cost_mtd]).toEqual([
      amount,
      amount,
    ]);
    // The forecast moves with the clock between the two answers, by far less than this.
    expect(deleted.body.data.cost_forecast).toBeGreaterThanOrEqual(amount);
    expect(deleted.body.data.cost_forecast / before.body.data.cost_forecast).toBeCloseTo(
      1,
      3,
    );
  });
});

describe('writes racing the metering of usage', () => {
  const cases = [
    {
      name: 'a PATCH of the estate',
      patch: (w: SeededWorkload) =>
        call(updateEstate, patchOf('estates', w.estate_id, { name: 'Payments (EU)' })),
      read: (w: SeededWorkload) => call(getEstate, byId('estates', w.estate_id)),
    },
    {
      name: 'a PATCH of the environment',
      patch: (w: SeededWorkload) =>
        call(
          updateEnvironment,
          patchOf('environments', w.environment_id, {
            config: { variables: { LOG_LEVEL: 'warn' } },
          }),
        ),
      read: (w: SeededWorkload) =>
        call(getEnvironment, byId('environments', w.environment_id)),
    },
    {
      name: 'a PATCH of the service',
      patch: (w: SeededWorkload) =>
        call(
          updateService,
          patchOf('services', w.service_id, { config: { replicas: 3 } }),
        ),
      read: (w: SeededWorkload) => call(getService, byId('services', w.service_id)),
    },
  ];

  it.each(cases)(
    'loses no usage metered between $name’s read and its write',
    async ({ patch, read }) => {
      const w = await workload();
      beforeNextTransaction(() =>
        ingestUsage(WORKSPACE, [usageRecord(w.service_id, { quantity: 1000 })]),
      );

      const patched = await patch(w);
      const after = await read(w);

      expect(patched.status).toBe(200);
      expect(after.headers.etag).toBe('"v2"');
      expect(after.body.data.cost_mtd).toBe(
        femtosToAmount(1_000_000_000n * VCPU_HOUR_NANOS),
      );
    },
  );

  it('counts usage of a service deleted meanwhile for its estate and environment only', async () => {
    const w = await workload();
    beforeNextTransaction(() =>
      documentClient.send(
        new DeleteCommand({ TableName: tableName(), Key: keys.service(w.service_id) }),
      ),
    );

    const result = await ingestUsage(WORKSPACE, [
      usageRecord(w.service_id, { quantity: 1000 }),
    ]);

    const month = monthOf(new Date());
    const expected = 1_000_000_000n * VCPU_HOUR_NANOS;
    expect(result.accepted).toBe(1);
    expect(await itemOf(keys.service(w.service_id))).toBeUndefined();
    expect(monthCostOf((await itemOf(keys.estate(w.estate_id))) ?? {}, month)).toBe(
      expected,
    );
    expect(
      monthCostOf((await itemOf(keys.environment(w.environment_id))) ?? {}, month),
    ).toBe(expected);
  });
});

describe('DynamoDB calls of the reads that show cost', () => {
  it('reads an estate, an environment or a service in one GetItem and estates in one Query', async () => {
    const w = await workload();
    await ingestUsage(WORKSPACE, [usageRecord(w.service_id)]);
    const read = reads(w);

    const sent = {
      'GET estate': await commandsSent(read['GET estate']),
      'list estates': await commandsSent(read['list estates']),
      'GET environment': await commandsSent(read['GET environment']),
      'GET service': await commandsSent(read['GET service']),
    };

    expect(sent).toEqual({
      'GET estate': ['GetItemCommand'],
      'list estates': ['QueryCommand'],
      'GET environment': ['GetItemCommand'],
      'GET service': ['GetItemCommand'],
    });
  });

  it('lists environments and services in one Query, their items proving ownership', async () => {
    const w = await workload();
    const read = reads(w);

    const environments = await commandsSent(read['list environments']);
    const services = await commandsSent(read['list services']);

    expect(environments).toEqual(['QueryCommand']);
    expect(services).toEqual(['QueryCommand']);
  });
});
