import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estateBody } from '../support/factories.ts';
import { eventually, type HttpReply, httpClient } from '../support/http-client.ts';
import { type LocalProcess, startLocalProcess } from '../support/local-process.ts';

let local: LocalProcess;
let api: (method: string, path: string, body?: unknown) => Promise<HttpReply>;
const V241 = 'ghcr.io/apex-digital/payments-api:v2.4.1';

beforeAll(async () => {
  local = await startLocalProcess({ SIM_TIME_SCALE: '0.02', LOCAL_WAIT_MS: '30' });
  api = httpClient(local, await local.token({ scopes: ['read', 'write', 'deploy'] }));
});
afterAll(() => local?.stop());

async function until<T>(path: string, done: (data: T) => boolean): Promise<T> {
  return eventually(async () => {
    const data = (await api('GET', path)).body.data as T;
    return done(data) ? data : undefined;
  });
}

describe('the spec’s walkthrough over HTTP', () => {
  it('lays out environments, registers payments-api, rolls v2.4.1 out and rolls back a bad image', async () => {
    const estateId: string = (
      await api('POST', '/v1/infrastructure/estates', estateBody())
    ).body.data.id;
    await until<{ status: string }>(
      `/v1/infrastructure/estates/${estateId}`,
      (estate) => estate.status === 'active',
    );

    const environments = await Promise.all(
      ['production', 'staging'].map((name) =>
        api('POST', '/v1/infrastructure/environments', {
          estate_id: estateId,
          name,
          type: name,
        }),
      ),
    );
    const production = environments[0]?.body.data;
    const service = await api('POST', '/v1/infrastructure/services', {
      environment_id: production.id,
      name: 'payments-api',
      type: 'container_service',
      config: {
        image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
        replicas: 3,
        cpu: 0.5,
        memory_mb: 1024,
      },
    });
    const serviceId: string = service.body.data.id;
    const running = await until<{ status: string; provider_resource: string | null }>(
      `/v1/infrastructure/services/${serviceId}`,
      (current) => current.status !== 'provisioning',
    );

    const started = await api('POST', '/v1/infrastructure/deployments', {
      environment_id: production.id,
      service_id: serviceId,
      image: V241,
      strategy: 'rolling',
      triggered_by: 'USR-26-000044',
    });
    const second = await api('POST', '/v1/infrastructure/deployments', {
      environment_id: production.id,
      service_id: serviceId,
      image: 'ghcr.io/apex-digital/payments-api:v2.4.2',
    });
    const deploymentId: string = started.body.data.deployment_id;
    const succeeded = await until<{
      status: string;
      progress: { batches_done: number; batches_total: number };
    }>(
      `/v1/infrastructure/deployments/${deploymentId}`,
      (deployment) => deployment.status !== 'in_progress',
    );
    const afterGood = (await api('GET', `/v1/infrastructure/services/${serviceId}`)).body
      .data;

    const bad = await api('POST', '/v1/infrastructure/deployments', {
      environment_id: production.id,
      service_id: serviceId,
      image: 'ghcr.io/apex-digital/payments-api:v2.5.0-unhealthy',
      strategy: 'rolling',
    });
    const rolledBack = await until<{ status: string; failure_reason: string }>(
      `/v1/infrastructure/deployments/${bad.body.data.deployment_id}`,
      (deployment) => !['in_progress', 'rolling_back'].includes(deployment.status),
    );
    const afterBad = (await api('GET', `/v1/infrastructure/services/${serviceId}`)).body
      .data;
    const history = await api(
      'GET',
      `/v1/infrastructure/deployments?service_id=${serviceId}`,
    );

    expect(environments.map((response) => response.status)).toEqual([201, 201]);
    expect([service.status, service.body.data.status]).toEqual([202, 'provisioning']);
    expect(running).toMatchObject({
      status: 'running',
      provider_resource: 'ecs/payments-api-prod',
    });
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({
      deployment_id: expect.stringMatching(/^DEPLOY-\d{2}-\d{6}$/),
      status: 'in_progress',
      strategy: 'rolling',
    });
    expect([second.status, second.body.code, second.body.active_deployment_id]).toEqual([
      409,
      'deployment_in_progress',
      deploymentId,
    ]);
    expect(succeeded.status).toBe('succeeded');
    expect(succeeded.progress.batches_done).toBe(succeeded.progress.batches_total);
    expect(afterGood.current_image).toBe(V241);
    expect(bad.status).toBe(202);
    expect(rolledBack.status).toBe('rolled_back');
    expect(rolledBack.failure_reason).toMatch(/unhealthy/);
    expect(afterBad.current_image).toBe(V241);
    expect(
      history.body.data.map((deployment: { status: string }) => deployment.status),
    ).toEqual(['rolled_back', 'succeeded']);
  });

  it('refuses to tear down an estate with services unless asked to cascade, then removes everything', async () => {
    const estateId: string = (
      await api('POST', '/v1/infrastructure/estates', estateBody({ name: 'Cascade' }))
    ).body.data.id;
    await until<{ status: string }>(
      `/v1/infrastructure/estates/${estateId}`,
      (estate) => estate.status === 'active',
    );
    const environment = (
      await api('POST', '/v1/infrastructure/environments', {
        estate_id: estateId,
        name: 'staging',
        type: 'staging',
      })
    ).body.data;
    const service = (
      await api('POST', '/v1/infrastructure/services', {
        environment_id: environment.id,
        name: 'ledger',
        type: 'managed_database',
        config: {
          engine: 'postgres',
          version: '16',
          instance_size: 'small',
          storage_gb: 20,
          instances: 1,
        },
      })
    ).body.data;

    const refused = await api('DELETE', `/v1/infrastructure/estates/${estateId}`);
    const accepted = await api(
      'DELETE',
      `/v1/infrastructure/estates/${estateId}?cascade=true`,
    );
    await until<{ status: string }>(
      `/v1/infrastructure/estates/${estateId}`,
      (estate) => estate.status === 'deprovisioned',
    );
    const serviceAfter = await api('GET', `/v1/infrastructure/services/${service.id}`);
    const environmentAfter = await api(
      'GET',
      `/v1/infrastructure/environments/${environment.id}`,
    );
    const types = (
      await api('GET', `/v1/infrastructure/events?estate_id=${estateId}&limit=100`)
    ).body.data.map((event: { type: string }) => event.type);

    // Torn down while its workload may still be being created: the teardown removes
    // the record and the provisioning workflow removes what it created.
    expect(service.status).toBe('provisioning');
    expect([refused.status, refused.body.code, refused.body.service_count]).toEqual([
      409,
      'estate_has_services',
      1,
    ]);
    expect(accepted.status).toBe(202);
    expect([serviceAfter.status, environmentAfter.status]).toEqual([404, 404]);
    expect(types).toEqual(
      expect.arrayContaining([
        'infrastructure.service.deleted',
        'infrastructure.environment.deleted',
      ]),
    );
    expect(types.at(-1)).toBe('infrastructure.estate.deprovisioned');
  });
});
