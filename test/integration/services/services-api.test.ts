import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Read once as the driver registry loads: these names meet injected failures.
  process.env.SIM_FAILURES =
    'createWorkload@flaky-api:transient:1000,createWorkload@refused-api:permanent';
});

import { provisionService } from '../../../functions/domain/services/provision-service.ts';
import { failService } from '../../../functions/domain/services/service-failure.ts';
import { handler as createDeployment } from '../../../functions/http/deployments/create-deployment.ts';
import { handler as createEnvironment } from '../../../functions/http/environments/create-environment.ts';
import { handler as deleteEnvironment } from '../../../functions/http/environments/delete-environment.ts';
import { handler as getEnvironment } from '../../../functions/http/environments/get-environment.ts';
import { handler as createService } from '../../../functions/http/services/create-service.ts';
import { handler as deleteService } from '../../../functions/http/services/delete-service.ts';
import { handler as getService } from '../../../functions/http/services/get-service.ts';
import { handler as listServices } from '../../../functions/http/services/list-services.ts';
import { handler as updateService } from '../../../functions/http/services/update-service.ts';
import { documentClient } from '../../../functions/store/client.ts';
import { getEstate } from '../../../functions/store/estates.ts';
import { listEvents } from '../../../functions/store/events.ts';
import * as keys from '../../../functions/store/keys.ts';
import { tableName } from '../../../functions/store/table.ts';
import { putEstate } from '../../support/estates.ts';
import { environmentBody, serviceBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { tableItems, useTable } from '../../support/table.ts';

useTable();

const SERVICES = '/v1/infrastructure/services';
const ENVIRONMENTS = '/v1/infrastructure/environments';
const FOREIGN = 'WS-26-000099';

const byId = (path: string, id: string) => ({
  path: `${path}/${id}`,
  pathParameters: { id },
});
const post = (body: unknown) =>
  call(createService, { routeKey: `POST ${SERVICES}`, path: SERVICES, body });
const get = (id: string, workspaceId?: string) =>
  call(getService, {
    routeKey: `GET ${SERVICES}/{id}`,
    ...byId(SERVICES, id),
    ...(workspaceId ? { workspaceId } : {}),
  });
const patch = (id: string, body: unknown) =>
  call(updateService, {
    routeKey: `PATCH ${SERVICES}/{id}`,
    ...byId(SERVICES, id),
    body,
  });
const remove = (id: string) =>
  call(deleteService, { routeKey: `DELETE ${SERVICES}/{id}`, ...byId(SERVICES, id) });
const list = (query: string, workspaceId?: string) =>
  call(listServices, {
    routeKey: `GET ${SERVICES}`,
    path: SERVICES,
    query,
    ...(workspaceId ? { workspaceId } : {}),
  });
const serviceCountOf = async (environmentId: string) =>
  (
    await call(getEnvironment, {
      routeKey: `GET ${ENVIRONMENTS}/{id}`,
      ...byId(ENVIRONMENTS, environmentId),
    })
  ).body.data.service_count;
const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field);

/** An active estate with a production environment, as a test's starting point. */
async function production(overrides: Record<string, unknown> = {}) {
  const estate = await putEstate();
  const response = await call(createEnvironment, {
    routeKey: `POST ${ENVIRONMENTS}`,
    path: ENVIRONMENTS,
    body: environmentBody(estate.id, overrides),
  });
  return { estate, environment: response.body.data };
}

describe('POST /v1/infrastructure/services', () => {
  it('answers 202 with the spec record in provisioning, a created event and a workflow start', async () => {
    const { estate, environment } = await production();

    const response = await post(serviceBody(environment.id));

    expect(response.status).toBe(202);
    const service = response.body.data;
    expect(service).toMatchObject({
      environment_id: environment.id,
      estate_id: estate.id,
      name: 'payments-api',
      type: 'container_service',
      status: 'provisioning',
      status_reason: null,
      provider_resource: null,
      cost_mtd: 0,
      currency: 'USD',
      current_image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
      config: { replicas: 3, cpu: 1, memory_mb: 2048, port: 8080 },
      health: { score: null, status: 'unknown' },
    });
    expect(service.id).toMatch(/^INFSVC-\d{2}-\d{6}$/);
    expect(response.headers.location).toBe(`${SERVICES}/${service.id}`);
    expect(await serviceCountOf(environment.id)).toBe(1);
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.service.created' },
      10,
    );
    expect(events.items).toEqual([
      expect.objectContaining({
        subject_id: service.id,
        service_line_id: estate.service_line_id,
        data: expect.objectContaining({
          status: 'provisioning',
          provider_resource: null,
        }),
      }),
    ]);
    expect(
      (await tableItems('workflow_start')).map((start) => [
        start.workflow,
        start.execution_name,
        JSON.parse(String(start.input)),
      ]),
    ).toEqual([['service_provisioning', service.id, { service_id: service.id }]]);
  });

  it('is running with its workload and health once its provisioning step has run', async () => {
    const { estate, environment } = await production();
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.estate(estate.id),
        UpdateExpression: 'SET health_score = :null',
        ExpressionAttributeValues: { ':null': null },
      }),
    );
    const created = (await post(serviceBody(environment.id))).body.data;
    const unscored = (await getEstate(estate.id))?.health_score;

    const outcome = await provisionService(created.id);
    const again = await provisionService(created.id);
    const service = (await get(created.id)).body.data;

    expect(outcome).toEqual({ service_id: created.id, status: 'running' });
    expect(again).toEqual({ service_id: created.id, status: 'running' });
    expect(service).toMatchObject({
      status: 'running',
      provider_resource: 'ecs/payments-api-prod',
      health: { status: 'healthy' },
    });
    expect(service.health.score).toBeGreaterThanOrEqual(95);
    expect(unscored).toBeNull();
    expect((await getEstate(estate.id))?.health_score).toBeGreaterThanOrEqual(90);
    const ready = await listEvents(
      estate.id,
      { type: 'infrastructure.service.ready' },
      10,
    );
    expect(ready.items).toEqual([
      expect.objectContaining({
        subject_id: created.id,
        data: expect.objectContaining({ provider_resource: 'ecs/payments-api-prod' }),
      }),
    ]);
  });

  it('reads a degraded health from a -degraded image tag', async () => {
    const { environment } = await production();
    const config = { image: 'ghcr.io/apex-digital/payments-api:v2.5.0-degraded' };
    const created = await post(serviceBody(environment.id, { config }));

    await provisionService(created.body.data.id);
    const service = (await get(created.body.data.id)).body.data;

    expect(service.health.status).toBe('degraded');
    expect(service.config).toMatchObject({ replicas: 2, cpu: 0.5 });
  });

  it.each([
    [
      'serverless_function',
      'payments-webhook',
      { runtime: 'nodejs22', package: 's3://builds/payments-webhook.zip' },
      'lambda/payments-webhook-prod',
    ],
    [
      'managed_database',
      'payments-db',
      { engine: 'postgres', version: '16', instance_size: 'large', storage_gb: 100 },
      'rds/payments-db-prod',
    ],
    ['message_queue', 'payments-events', { fifo: true }, 'sqs/payments-events-prod'],
  ])(
    'creates a %s with its defaults and starting health',
    async (type, name, config, resource) => {
      const { environment } = await production();
      const created = await post(serviceBody(environment.id, { type, name, config }));

      await provisionService(created.body.data.id);
      const service = (await get(created.body.data.id)).body.data;

      expect(created.status).toBe(202);
      expect(service).toMatchObject({
        type,
        status: 'running',
        provider_resource: resource,
        health: { score: 100, status: 'healthy' },
      });
    },
  );

  it('counts exactly 10 after 10 parallel creates in one environment', async () => {
    const { environment } = await production();

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        post(serviceBody(environment.id, { name: `worker-${index}` })),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(202));
    expect(await serviceCountOf(environment.id)).toBe(10);
  });

  it('lets exactly one of 5 parallel creates of one name win', async () => {
    const { environment } = await production();

    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post(serviceBody(environment.id))),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([202, 409, 409, 409, 409]);
    expect(responses.find((r) => r.status === 409)?.body.code).toBe('service_name_taken');
    expect(await serviceCountOf(environment.id)).toBe(1);
  });

  it('leaves the service provisioning when the provider fails transiently, for the workflow to retry', async () => {
    const { environment } = await production();
    const created = (await post(serviceBody(environment.id, { name: 'flaky-api' }))).body
      .data;

    const step = provisionService(created.id);

    await expect(step).rejects.toMatchObject({ name: 'TransientDriverError' });
    expect((await get(created.id)).body.data).toMatchObject({
      status: 'provisioning',
      provider_resource: null,
    });
  });

  it('is failed with the provider’s reason when the provider refuses, and can be deleted', async () => {
    const { estate, environment } = await production();
    const created = (await post(serviceBody(environment.id, { name: 'refused-api' })))
      .body.data;
    const step = provisionService(created.id);
    await expect(step).rejects.toMatchObject({ name: 'PermanentDriverError' });

    const marked = await failService(created.id, 'The provider refused refused-api.');
    const failed = (await get(created.id)).body.data;
    const deployment = await call(createDeployment, {
      routeKey: 'POST /v1/infrastructure/deployments',
      path: '/v1/infrastructure/deployments',
      body: {
        environment_id: environment.id,
        service_id: created.id,
        image: 'ghcr.io/apex-digital/payments-api:v2.4.2',
      },
    });
    const removed = await remove(created.id);

    expect(marked).toBe('failed');
    expect(failed).toMatchObject({
      status: 'failed',
      status_reason: 'The provider refused refused-api.',
      provider_resource: null,
      health: { score: null, status: 'unknown' },
    });
    expect([deployment.status, deployment.body.code]).toEqual([
      409,
      'service_not_running',
    ]);
    expect(removed.status).toBe(204);
    expect(await serviceCountOf(environment.id)).toBe(0);
    const events = await listEvents(estate.id, {}, 10);
    expect(events.items.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'infrastructure.service.failed',
        'infrastructure.service.deleted',
      ]),
    );
  });

  it('refuses an environment of another workspace with 404', async () => {
    const estate = await putEstate({ workspace_id: FOREIGN });
    const environment = await call(createEnvironment, {
      routeKey: `POST ${ENVIRONMENTS}`,
      path: ENVIRONMENTS,
      body: environmentBody(estate.id),
      workspaceId: FOREIGN,
    });

    const response = await post(serviceBody(environment.body.data.id));

    expect([response.status, response.body.code]).toEqual([404, 'environment_not_found']);
  });

  it.each([
    ['an unknown type', { type: 'batch_job' }, 'body.type'],
    [
      'an image without a tag',
      { config: { image: 'ghcr.io/apex/api' } },
      'body.config.image',
    ],
    [
      'an upper-case repository',
      { config: { image: 'ghcr.io/Apex/api:v1' } },
      'body.config.image',
    ],
    ['a bad digest', { config: { image: 'nginx@sha256:abc' } }, 'body.config.image'],
    [
      'a database config for a container',
      {
        config: {
          engine: 'postgres',
          version: '16',
          instance_size: 'large',
          storage_gb: 20,
        },
      },
      'body.config.image',
    ],
    [
      'replicas out of range',
      { config: { image: 'nginx:1.27', replicas: 101 } },
      'body.config.replicas',
    ],
    [
      'cpu off the steps',
      { config: { image: 'nginx:1.27', cpu: 0.3 } },
      'body.config.cpu',
    ],
    [
      'a database of 5 GB',
      {
        type: 'managed_database',
        config: {
          engine: 'mysql',
          version: '8.0',
          instance_size: 'small',
          storage_gb: 5,
        },
      },
      'body.config.storage_gb',
    ],
    [
      'a function with both image and package',
      {
        type: 'serverless_function',
        config: { image: 'nginx:1.27', package: 's3://a/b.zip', runtime: 'nodejs22' },
      },
      'body.config.image',
    ],
    [
      'a queue kept for 15 days',
      { type: 'message_queue', config: { retention_hours: 360 } },
      'body.config.retention_hours',
    ],
    ['a malformed environment ID', { environment_id: 'INFENV-1' }, 'body.environment_id'],
    ['a name with an underscore', { name: 'payments_api' }, 'body.name'],
  ])('refuses %s with a 400 naming the field', async (_case, overrides, field) => {
    const { environment } = await production();

    const response = await post(serviceBody(environment.id, overrides));

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(fieldsOf(response.body)).toContain(field);
  });
});

describe('GET /v1/infrastructure/services/{id}', () => {
  it('returns the service to its own workspace and 404 to another', async () => {
    const { environment } = await production();
    const created = (await post(serviceBody(environment.id))).body.data;

    const own = await get(created.id);
    const foreign = await get(created.id, FOREIGN);
    const malformed = await get('SVC-26-000001');

    expect(own.body.data).toEqual(created);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'service_not_found']);
    expect(fieldsOf(malformed.body)).toEqual(['path.id']);
  });
});

describe('PATCH /v1/infrastructure/services/{id}', () => {
  it('merges config fields, removes one set to null and records an updated event', async () => {
    const { estate, environment } = await production();
    const created = (await post(serviceBody(environment.id))).body.data;

    const response = await patch(created.id, { config: { replicas: 6, port: null } });

    expect(response.status).toBe(200);
    expect(response.body.data.config).toEqual({
      image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
      replicas: 6,
      cpu: 1,
      memory_mb: 2048,
    });
    expect((await get(created.id)).body.data.config.replicas).toBe(6);
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.service.updated' },
      10,
    );
    expect(events.items.map((event) => event.subject_id)).toEqual([created.id]);
  });

  it.each([
    [
      'a new image',
      { config: { image: 'nginx:1.27' } },
      'body.config.image',
      'immutable_field',
    ],
    ['a new name', { name: 'billing-api', config: {} }, 'body.name', 'immutable_field'],
    ['a new type', { type: 'message_queue', config: {} }, 'body.type', 'immutable_field'],
    [
      'a new environment',
      { environment_id: 'INFENV-26-000001', config: {} },
      'body.environment_id',
      'immutable_field',
    ],
    [
      'replicas out of range',
      { config: { replicas: 0 } },
      'body.config.replicas',
      'too_small',
    ],
    [
      'an unknown config field',
      { config: { engine: 'mysql' } },
      'body.config.engine',
      'unknown_field',
    ],
    ['no field at all', {}, 'body', 'empty_update'],
    ['an empty config', { config: {} }, 'body', 'empty_update'],
  ])('refuses %s with a 400 naming the field', async (_case, body, field, code) => {
    const { environment } = await production();
    const created = (await post(serviceBody(environment.id))).body.data;

    const response = await patch(created.id, body);

    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it.each([
    ['the values it has', { config: { replicas: 3, port: 8080 } }],
    ['them in another order', { config: { port: 8080, replicas: 3 } }],
  ])('writes nothing when asked for %s: same ETag, no event', async (_case, body) => {
    const { estate, environment } = await production();
    const created = await get((await post(serviceBody(environment.id))).body.data.id);

    const response = await patch(created.body.data.id, body);

    expect(response.status).toBe(200);
    expect(response.headers.etag).toBe('"v1"');
    expect(response.body.data).toEqual(created.body.data);
    expect(await get(created.body.data.id)).toMatchObject({
      headers: { etag: '"v1"' },
      body: { data: created.body.data },
    });
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.service.updated' },
      10,
    );
    expect(events.items).toEqual([]);
  });
});

describe('DELETE /v1/infrastructure/services/{id}', () => {
  it('deletes the service, frees its name and lets the environment go', async () => {
    const { estate, environment } = await production();
    const created = (await post(serviceBody(environment.id))).body.data;
    const refused = await call(deleteEnvironment, {
      routeKey: `DELETE ${ENVIRONMENTS}/{id}`,
      ...byId(ENVIRONMENTS, environment.id),
    });

    const response = await remove(created.id);
    const again = await remove(created.id);
    const recreated = await post(serviceBody(environment.id));

    expect([refused.status, refused.body.code]).toEqual([
      409,
      'environment_has_services',
    ]);
    expect(response.status).toBe(204);
    expect(again.status).toBe(404);
    expect(recreated.status).toBe(202);
    expect(await serviceCountOf(environment.id)).toBe(1);
    const events = await listEvents(
      estate.id,
      { type: 'infrastructure.service.deleted' },
      10,
    );
    expect(events.items.map((event) => event.subject_id)).toEqual([created.id]);
  });
  it('refuses a query parameter it does not take and keeps the service', async () => {
    const { environment } = await production();
    const created = (await post(serviceBody(environment.id))).body.data;

    const response = await call(deleteService, {
      routeKey: `DELETE ${SERVICES}/{id}`,
      ...byId(SERVICES, created.id),
      query: 'cascade=true',
    });

    expect([response.status, response.body.code]).toEqual([400, 'validation_failed']);
    expect(fieldsOf(response.body)).toEqual(['query.cascade']);
    expect((await get(created.id)).status).toBe(200);
  });
});

describe('GET /v1/infrastructure/services', () => {
  it('pages through an environment’s services and filters by type', async () => {
    const { environment } = await production();
    for (const name of ['api', 'worker', 'admin'])
      await post(serviceBody(environment.id, { name }));
    await post(
      serviceBody(environment.id, { name: 'events', type: 'message_queue', config: {} }),
    );

    const first = await list(`environment_id=${environment.id}&limit=3`);
    const second = await list(
      `environment_id=${environment.id}&limit=3&cursor=${first.body.next_cursor}`,
    );
    const queues = await list(`environment_id=${environment.id}&type=message_queue`);

    const names = [first, second].flatMap((page) =>
      page.body.data.map((service: { name: string }) => service.name),
    );
    expect(names).toEqual(['api', 'worker', 'admin', 'events']);
    expect(second.body.next_cursor).toBeNull();
    expect(queues.body.data.map((s: { name: string }) => s.name)).toEqual(['events']);
  });

  it('answers 404 for an environment of another workspace', async () => {
    const { environment } = await production();

    const response = await list(`environment_id=${environment.id}`, FOREIGN);

    expect(response.status).toBe(404);
  });

  it.each([
    ['', 'query.environment_id'],
    ['environment_id=INFENV-26-000001&limit=0', 'query.limit'],
    ['environment_id=INFENV-26-000001&type=vm', 'query.type'],
    ['environment_id=INFENV-26-000001&cursor=abc', 'query.cursor'],
  ])('refuses ?%s with a 400 naming the field', async (query, field) => {
    const { environment } = await production();

    const response = await list(query.replace('INFENV-26-000001', environment.id));

    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
  });
});
