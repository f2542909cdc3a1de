import { describe, expect, it } from 'vitest';
import { handler as createDeployment } from '../../../functions/http/deployments/create-deployment.ts';
import { handler as createEnvironment } from '../../../functions/http/environments/create-environment.ts';
import { handler as createPolicy } from '../../../functions/http/policies/create-policy.ts';
import { handler as deletePolicy } from '../../../functions/http/policies/delete-policy.ts';
import { handler as getPolicy } from '../../../functions/http/policies/get-policy.ts';
import { handler as listPolicies } from '../../../functions/http/policies/list-policies.ts';
import { handler as updatePolicy } from '../../../functions/http/policies/update-policy.ts';
import { handler as createService } from '../../../functions/http/services/create-service.ts';
import { listEvents } from '../../../functions/store/events.ts';
import { putEstate } from '../../support/estates.ts';
import { environmentBody, idempotencyKey, serviceBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { seedContainerService } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const POLICIES = '/v1/infrastructure/policies';
const ADMIN = ['read', 'write', 'deploy', 'admin'];
const byId = (id: string) => ({ path: `${POLICIES}/${id}`, pathParameters: { id } });

const post = (body: unknown, scopes = ADMIN, query?: string) =>
  call(createPolicy, {
    routeKey: `POST ${POLICIES}`,
    path: POLICIES,
    body,
    scopes,
    ...(query ? { query } : {}),
  });
const get = (id: string) =>
  call(getPolicy, { routeKey: `GET ${POLICIES}/{id}`, ...byId(id) });
const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(updatePolicy, {
    routeKey: `PATCH ${POLICIES}/{id}`,
    ...byId(id),
    body,
    headers,
    scopes: ADMIN,
  });
const remove = (id: string) =>
  call(deletePolicy, { routeKey: `DELETE ${POLICIES}/{id}`, ...byId(id), scopes: ADMIN });
const list = (query: string) =>
  call(listPolicies, { routeKey: `GET ${POLICIES}`, path: POLICIES, query });
const postEnvironment = (
  body: unknown,
  query?: string,
  headers?: Record<string, string>,
) =>
  call(createEnvironment, {
    routeKey: 'POST /v1/infrastructure/environments',
    path: '/v1/infrastructure/environments',
    body,
    ...(query ? { query } : {}),
    ...(headers ? { headers } : {}),
  });
const postService = (body: unknown, query?: string) =>
  call(createService, {
    routeKey: 'POST /v1/infrastructure/services',
    path: '/v1/infrastructure/services',
    body,
    ...(query ? { query } : {}),
  });
const deploy = (body: unknown, query?: string) =>
  call(createDeployment, {
    routeKey: 'POST /v1/infrastructure/deployments',
    path: '/v1/infrastructure/deployments',
    body,
    ...(query ? { query } : {}),
  });
const typesOf = async (estateId: string) =>
  (await listEvents(estateId, {}, 100)).items.map((event) => event.type);

const regions = (estateId: string, overrides: Record<string, unknown> = {}) => ({
  estate_id: estateId,
  name: 'EU only',
  kind: 'allowed_regions',
  parameters: { regions: ['us-east-1'] },
  ...overrides,
});

describe('POST /v1/infrastructure/policies', () => {
  it('refuses a validate_only it does not take, creating nothing', async () => {
    const estate = await putEstate();

    const response = await call(createPolicy, {
      routeKey: `POST ${POLICIES}`,
      path: POLICIES,
      body: regions(estate.id, { parameters: { regions: ['eu-west-1'] } }),
      scopes: ADMIN,
      query: 'validate_only=true',
      headers: { 'idempotency-key': idempotencyKey() },
    });

    expect([response.status, response.body.code]).toEqual([400, 'validation_failed']);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'query.validate_only', code: 'unknown_field' }),
    ]);
    expect((await list(`estate_id=${estate.id}`)).body.data).toHaveLength(0);
  });

  it('answers 201 with an INFPOL ID, an ETag and a created event', async () => {
    const estate = await putEstate();

    const response = await post(regions(estate.id));

    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      id: expect.stringMatching(/^INFPOL-\d{2}-\d{6}$/),
      estate_id: estate.id,
      kind: 'allowed_regions',
      enforcement: 'enforce',
      status: 'active',
      version: 1,
    });
    expect(response.headers.etag).toBe('"v1"');
    expect(await typesOf(estate.id)).toEqual(['infrastructure.policy.created']);
  });

  it('refuses parameters of another kind with a 400 naming the field', async () => {
    const estate = await putEstate();

    const response = await post(regions(estate.id, { parameters: { types: ['x'] } }));

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
      'body.parameters.regions',
    );
  });

  it('refuses a region its estate’s provider does not offer', async () => {
    const estate = await putEstate({ provider: 'aws', region: 'eu-west-1' });
    const body = regions(estate.id, {
      parameters: { regions: ['eu-west-1', 'eu-west1'] },
    });

    const response = await post(body);

    expect([response.status, response.body.code]).toEqual([400, 'validation_failed']);
    expect(response.body.errors).toEqual([
      {
        field: 'body.parameters.regions.1',
        message: expect.stringContaining('eu-west1 is not a region of aws'),
        code: 'invalid_value',
      },
    ]);
    expect(await typesOf(estate.id)).toEqual([]);
  });

  it('refuses a region of another provider, naming each one', async () => {
    const estate = await putEstate({ provider: 'azure', region: 'westeurope' });
    const body = regions(estate.id, { parameters: { regions: ['eu-west-1', 'mars-1'] } });

    const response = await post(body);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.parameters.regions.0',
      'body.parameters.regions.1',
    ]);
  });

  it('needs the admin scope', async () => {
    const estate = await putEstate();

    const response = await post(regions(estate.id), ['read', 'write', 'deploy']);

    expect([response.status, response.body.code]).toEqual([403, 'insufficient_scope']);
  });
});

describe('GET /v1/infrastructure/policies', () => {
  it('pages through an estate’s policies in creation order', async () => {
    const estate = await putEstate();
    for (const name of ['one', 'two', 'three']) await post(regions(estate.id, { name }));

    const first = await list(`estate_id=${estate.id}&limit=2`);
    const second = await list(
      `estate_id=${estate.id}&limit=2&cursor=${first.body.next_cursor}`,
    );

    expect(first.body.data.map((policy: { name: string }) => policy.name)).toEqual([
      'one',
      'two',
    ]);
    expect(second.body.data.map((policy: { name: string }) => policy.name)).toEqual([
      'three',
    ]);
    expect(second.body.next_cursor).toBeNull();
  });
});

describe('PATCH and DELETE /v1/infrastructure/policies/{id}', () => {
  it('switches to warn with a matching If-Match and refuses a stale one with 412', async () => {
    const estate = await putEstate();
    const { id } = (await post(regions(estate.id))).body.data;

    const updated = await patch(id, { enforcement: 'warn' }, { 'if-match': '"v1"' });
    const stale = await patch(id, { status: 'disabled' }, { 'if-match': '"v1"' });

    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ enforcement: 'warn', version: 2 });
    expect(updated.headers.etag).toBe('"v2"');
    expect([stale.status, stale.headers.etag]).toEqual([412, '"v2"']);
  });

  it('checks new parameters against the policy’s kind', async () => {
    const estate = await putEstate();
    const { id } = (await post(regions(estate.id))).body.data;

    const response = await patch(id, { parameters: { regions: [] } });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('body.parameters.regions');
  });

  it('refuses new regions its estate’s provider does not offer', async () => {
    const estate = await putEstate({ provider: 'aws', region: 'eu-west-1' });
    const { id } = (await post(regions(estate.id))).body.data;

    const response = await patch(id, { parameters: { regions: ['mars-1'] } });
    const after = await get(id);

    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({
      field: 'body.parameters.regions.0',
      code: 'invalid_value',
    });
    expect(after.body.data.parameters).toEqual({ regions: ['us-east-1'] });
  });

  it.each([
    ['kind', { kind: 'allowed_service_types' }],
    ['estate_id', { estate_id: 'ESTATE-26-000001' }],
  ])('refuses a change of %s as immutable_field, naming it', async (field, body) => {
    const estate = await putEstate();
    const { id } = (await post(regions(estate.id))).body.data;

    const response = await patch(id, body);

    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ field: `body.${field}`, code: 'immutable_field' }),
    );
  });

  it('refuses an empty patch as empty_update', async () => {
    const estate = await putEstate();
    const { id } = (await post(regions(estate.id))).body.data;

    const response = await patch(id, {});

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'body', code: 'empty_update' }),
    ]);
  });

  it('writes nothing when asked for what it has: same ETag, no event', async () => {
    const estate = await putEstate();
    const freeze = {
      from: '2030-12-20T00:00:00Z',
      to: '2031-01-02T00:00:00Z',
      reason: 'Year-end freeze',
    };
    const created = await post({
      estate_id: estate.id,
      name: 'Year end',
      kind: 'deployment_freeze',
      parameters: freeze,
    });

    const response = await patch(created.body.data.id, {
      name: 'Year end',
      enforcement: created.body.data.enforcement,
      parameters: Object.fromEntries(Object.entries(freeze).reverse()),
    });

    expect(response.status).toBe(200);
    expect(created.headers.etag).toBe('"v1"');
    expect(response.headers.etag).toBe('"v1"');
    expect(await typesOf(estate.id)).toEqual(['infrastructure.policy.created']);
  });

  it('deletes a policy with a deleted event, after which it is gone', async () => {
    const estate = await putEstate();
    const { id } = (await post(regions(estate.id))).body.data;

    const deleted = await remove(id);
    const after = await get(id);

    expect(deleted.status).toBe(204);
    expect(deleted.headers['content-type']).toBeUndefined();
    expect(after.status).toBe(404);
    expect(await typesOf(estate.id)).toEqual([
      'infrastructure.policy.created',
      'infrastructure.policy.deleted',
    ]);
  });
});

describe('enforcement', () => {
  it('refuses an environment with 422 policy_denied listing every broken policy', async () => {
    const estate = await putEstate();
    const first = (await post(regions(estate.id))).body.data;
    const second = (
      await post({
        estate_id: estate.id,
        name: 'Tagged',
        kind: 'required_project_tags',
        parameters: { tags: ['PROJ-26-000777'] },
      })
    ).body.data;

    const response = await postEnvironment(environmentBody(estate.id));

    expect([response.status, response.body.code]).toEqual([422, 'policy_denied']);
    expect(
      response.body.violations.map((violation: { policy_id: string; kind: string }) => [
        violation.policy_id,
        violation.kind,
      ]),
    ).toEqual([
      [first.id, 'allowed_regions'],
      [second.id, 'required_project_tags'],
    ]);
  });

  it('lets a warn policy through and records a violated event with the change', async () => {
    const estate = await putEstate();
    const policy = (await post(regions(estate.id, { enforcement: 'warn' }))).body.data;

    const response = await postEnvironment(environmentBody(estate.id));

    const events = (await listEvents(estate.id, {}, 100)).items;
    const violated = events.find(
      (event) => event.type === 'infrastructure.policy.violated',
    );
    expect(response.status).toBe(201);
    expect(violated).toMatchObject({
      subject_id: policy.id,
      data: {
        kind: 'allowed_regions',
        action: 'create_environment',
        target_id: response.body.data.id,
      },
    });
  });

  it('refuses a service of a disallowed type before any workload is created', async () => {
    const estate = await putEstate();
    const environment = (await postEnvironment(environmentBody(estate.id))).body.data;
    await post({
      estate_id: estate.id,
      name: 'Containers only',
      kind: 'allowed_service_types',
      parameters: { types: ['container_service'] },
    });

    const response = await postService(
      serviceBody(environment.id, {
        name: 'orders-queue',
        type: 'message_queue',
        config: { fifo: true },
      }),
    );

    expect([response.status, response.body.violations[0].kind]).toEqual([
      422,
      'allowed_service_types',
    ]);
  });
});

describe('validate_only', () => {
  it('answers the verdict and cost impact of a service without creating anything', async () => {
    const estate = await putEstate();
    const environment = (await postEnvironment(environmentBody(estate.id))).body.data;
    await post({
      estate_id: estate.id,
      name: 'GHCR only',
      kind: 'allowed_image_registries',
      parameters: { registries: ['registry.example.com'] },
    });
    const before = await typesOf(estate.id);

    const response = await postService(serviceBody(environment.id), 'validate_only=true');

    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      valid: false,
      violations: [{ kind: 'allowed_image_registries' }],
      warnings: [],
      cost_impact: {
        monthly_cost: 'unknown',
        sizing: { type: 'container_service', replicas: 3, cpu: 1, memory_mb: 2048 },
      },
    });
    expect(await typesOf(estate.id)).toEqual(before);
  });

  it.each([
    ['still provisioning', 'container_service', 409, 'service_not_running'],
    ['running no image', 'managed_database', 422, 'service_not_deployable'],
  ])(
    'refuses a deployment dry run to a service %s as the real request does',
    async (_case, type, status, code) => {
      const estate = await putEstate();
      const environment = (await postEnvironment(environmentBody(estate.id))).body.data;
      const database = {
        engine: 'postgres',
        version: '16',
        instance_size: 'small',
        storage_gb: 20,
      };
      const body = serviceBody(
        environment.id,
        type === 'container_service' ? {} : { type, config: database },
      );
      const service = (await postService(body)).body.data;
      const deployment = {
        environment_id: environment.id,
        service_id: service.id,
        image: 'ghcr.io/apex-digital/payments-api:v2.4.2',
      };

      const dry = await deploy(deployment, 'validate_only=true');
      const real = await deploy(deployment);

      expect([dry.status, dry.body.code]).toEqual([status, code]);
      expect([real.status, real.body.code]).toEqual([status, code]);
    },
  );

  it('refuses a deployment dry run of the image the service already runs', async () => {
    const estate = await putEstate();
    const seeded = await seedContainerService(estate);

    const dry = await deploy(
      {
        environment_id: seeded.environment_id,
        service_id: seeded.id,
        image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
      },
      'validate_only=true',
    );

    expect([dry.status, dry.body.code]).toEqual([409, 'image_already_running']);
  });

  it('stores no idempotency record, so the same key later creates for real', async () => {
    const estate = await putEstate();
    const key = idempotencyKey();

    const dry = await postEnvironment(environmentBody(estate.id), 'validate_only=true', {
      'idempotency-key': key,
    });
    const real = await postEnvironment(environmentBody(estate.id), undefined, {
      'idempotency-key': key,
    });

    expect(dry.status).toBe(200);
    expect(dry.body.data).toEqual({
      valid: true,
      violations: [],
      warnings: [],
      overridden: [],
      cost_impact: { monthly_cost: 0, currency: 'USD', sizing: null },
    });
    expect(real.status).toBe(201);
    expect(real.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('compliance', () => {
  it('names the existing services a policy added later would not allow', async () => {
    const estate = await putEstate();
    const environment = (await postEnvironment(environmentBody(estate.id))).body.data;
    const hub = serviceBody(environment.id, { name: 'edge' });
    hub.config.image = 'docker.io/library/nginx:1.27';
    const outside = (await postService(hub)).body.data;
    await postService(serviceBody(environment.id));
    const { id } = (
      await post({
        estate_id: estate.id,
        name: 'GHCR only',
        kind: 'allowed_image_registries',
        parameters: { registries: ['ghcr.io'] },
      })
    ).body.data;

    const response = await get(id);

    expect(response.body.data.compliance).toEqual({
      checked_at: expect.any(String),
      truncated: false,
      non_compliant: [
        {
          service_id: outside.id,
          environment_id: environment.id,
          reason: expect.stringMatching(/nginx/),
        },
      ],
    });
  });

  it('flags production services whose image never succeeded in staging', async () => {
    const estate = await putEstate();
    const environment = (await postEnvironment(environmentBody(estate.id))).body.data;
    const service = (await postService(serviceBody(environment.id))).body.data;
    const { id } = (
      await post({
        estate_id: estate.id,
        name: 'Staging first',
        kind: 'promotion_order',
        parameters: {},
      })
    ).body.data;

    const response = await get(id);

    expect(response.body.data.parameters).toEqual({
      from_environment_type: 'staging',
      to_environment_type: 'production',
      min_soak_minutes: 0,
      require_healthy: false,
    });
    expect(response.body.data.compliance.non_compliant).toEqual([
      expect.objectContaining({ service_id: service.id }),
    ]);
  });
});

describe('deployments under policies', () => {
  it('refuses a frozen deployment and lets an admin break the glass, recording it', async () => {
    const estate = await putEstate();
    const seeded = await seedContainerService(estate);
    const freeze = (
      await post({
        estate_id: estate.id,
        name: 'Quarter close',
        kind: 'deployment_freeze',
        parameters: {
          from: new Date(Date.now() - 3_600_000).toISOString(),
          to: new Date(Date.now() + 3_600_000).toISOString(),
        },
      })
    ).body.data;
    const body = {
      environment_id: seeded.environment_id,
      service_id: seeded.id,
      image: 'ghcr.io/apex-digital/payments-api:v2.4.9',
    };
    const deploy = (extra: Record<string, unknown>, scopes: string[], query?: string) =>
      call(createDeployment, {
        routeKey: 'POST /v1/infrastructure/deployments',
        path: '/v1/infrastructure/deployments',
        body: { ...body, ...extra },
        scopes,
        ...(query ? { query } : {}),
      });
    const glass = { break_glass: { reason: 'Hotfix for incident INC-1234' } };

    const refused = await deploy({}, ['deploy']);
    const notAdmin = await deploy(glass, ['deploy']);
    const dry = await deploy(glass, ADMIN, 'validate_only=true');

    expect([refused.status, refused.body.violations[0].policy_id]).toEqual([
      422,
      freeze.id,
    ]);
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, 'insufficient_scope']);
    expect(dry.body.data).toMatchObject({
      valid: true,
      overridden: [{ policy_id: freeze.id }],
    });
  });
});
