import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estateBody } from '../support/factories.ts';
import { eventually, type HttpReply, httpClient } from '../support/http-client.ts';
import { type LocalProcess, startLocalProcess } from '../support/local-process.ts';

let local: LocalProcess;
let api: (method: string, path: string, body?: unknown) => Promise<HttpReply>;

beforeAll(async () => {
  local = await startLocalProcess({
    SIM_TIME_SCALE: '0.02',
    LOCAL_WAIT_MS: '30',
    LOCAL_SCHEDULE_SECONDS: '0',
  });
  api = httpClient(local, await local.token({ scopes: ['read', 'write', 'deploy'] }));
});
afterAll(() => local?.stop());

interface Incident {
  id: string;
  status: string;
  severity: string;
  suspected_changes: { kind: string; id: string }[];
}

async function until<T>(path: string, done: (data: T) => boolean): Promise<T> {
  return eventually(async () => {
    const data = (await api('GET', path)).body.data as T;
    return done(data) ? data : undefined;
  });
}

async function runningService() {
  const estateId: string = (await api('POST', '/v1/infrastructure/estates', estateBody()))
    .body.data.id;
  await until<{ status: string }>(
    `/v1/infrastructure/estates/${estateId}`,
    (estate) => estate.status === 'active',
  );
  const environment = (
    await api('POST', '/v1/infrastructure/environments', {
      estate_id: estateId,
      name: 'production',
      type: 'production',
    })
  ).body.data;
  const service = (
    await api('POST', '/v1/infrastructure/services', {
      environment_id: environment.id,
      name: 'payments-api',
      type: 'container_service',
      config: { image: 'ghcr.io/apex-digital/payments-api:v2.4.0', replicas: 2 },
    })
  ).body.data;
  await until<{ status: string }>(
    `/v1/infrastructure/services/${service.id}`,
    (current) => current.status === 'running',
  );
  return {
    estateId,
    environmentId: environment.id as string,
    serviceId: service.id as string,
  };
}

describe('incidents over HTTP', () => {
  it('opens one incident for an unhealthy deployment, names it, and resolves it after a good one', async () => {
    const { estateId, environmentId, serviceId } = await runningService();
    const deploy = (image: string) =>
      api('POST', '/v1/infrastructure/deployments', {
        environment_id: environmentId,
        service_id: serviceId,
        image,
      });

    const bad = await deploy('ghcr.io/apex-digital/payments-api:v2.5.0-unhealthy');
    const deploymentId: string = bad.body.data.deployment_id;
    const [opened] = await until<Incident[]>(
      `/v1/infrastructure/incidents?estate_id=${estateId}`,
      (incidents) => incidents.length > 0,
    );
    const acknowledged = await api(
      'POST',
      `/v1/infrastructure/incidents/${opened?.id}/acknowledge`,
    );
    await until<{ status: string }>(
      `/v1/infrastructure/deployments/${deploymentId}`,
      (deployment) => deployment.status === 'rolled_back',
    );
    await deploy('ghcr.io/apex-digital/payments-api:v2.5.1');
    const resolved = await until<Incident>(
      `/v1/infrastructure/incidents/${opened?.id}`,
      (incident) => incident.status === 'resolved',
    );
    const all = await api('GET', `/v1/infrastructure/incidents?estate_id=${estateId}`);

    expect(opened).toMatchObject({ status: 'open', severity: 'high' });
    expect(opened?.suspected_changes).toContainEqual(
      expect.objectContaining({ kind: 'deployment', id: deploymentId }),
    );
    expect(acknowledged.body.data.status).toBe('acknowledged');
    expect(resolved).toMatchObject({ status: 'resolved', resolved_by: 'platform' });
    expect(all.body.data).toHaveLength(1);
  });

  it('degrades the estate on unhealthy signals and shows why', async () => {
    const { estateId, serviceId } = await runningService();
    const signal = {
      source: 'synthetics-eu',
      availability: 0.5,
      error_rate: 0.5,
      observed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };

    const recorded = await api(
      'POST',
      `/v1/infrastructure/services/${serviceId}/health`,
      signal,
    );
    const estate = (await api('GET', `/v1/infrastructure/estates/${estateId}`)).body.data;
    const health = (await api('GET', `/v1/infrastructure/estates/${estateId}/health`))
      .body.data;

    expect(recorded.status).toBe(200);
    expect(estate.status).toBe('degraded');
    expect(health.score).toBe(estate.health_score);
    expect(health.components).toHaveLength(5);
  });
});
