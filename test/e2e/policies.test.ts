import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estateBody } from '../support/factories.ts';
import { eventually, type HttpReply, httpClient } from '../support/http-client.ts';
import { type LocalProcess, startLocalProcess } from '../support/local-process.ts';

type Api = (method: string, path: string, body?: unknown) => Promise<HttpReply>;

let local: LocalProcess;
let admin: Api;
let deployer: Api;
const V240 = 'ghcr.io/apex-digital/payments-api:v2.4.0';
const V241 = 'ghcr.io/apex-digital/payments-api:v2.4.1';

beforeAll(async () => {
  local = await startLocalProcess({ SIM_TIME_SCALE: '0.02', LOCAL_WAIT_MS: '30' });
  admin = httpClient(local, await local.token({ scopes: ['admin'] }));
  deployer = httpClient(
    local,
    await local.token({ scopes: ['read', 'write', 'deploy'] }),
  );
});
afterAll(() => local?.stop());

async function until<T>(path: string, done: (data: T) => boolean): Promise<T> {
  return eventually(async () => {
    const data = (await admin('GET', path)).body.data as T;
    return done(data) ? data : undefined;
  });
}

/** An active estate with staging and production, each running payments-api at v2.4.0. */
async function estateWithStages() {
  const estateId: string = (
    await admin('POST', '/v1/infrastructure/estates', estateBody())
  ).body.data.id;
  await until<{ status: string }>(
    `/v1/infrastructure/estates/${estateId}`,
    (estate) => estate.status === 'active',
  );
  const stages: Record<string, { environment: string; service: string }> = {};
  for (const type of ['staging', 'production']) {
    const environment = (
      await admin('POST', '/v1/infrastructure/environments', {
        estate_id: estateId,
        name: type,
        type,
      })
    ).body.data.id;
    const service = (
      await admin('POST', '/v1/infrastructure/services', {
        environment_id: environment,
        name: 'payments-api',
        type: 'container_service',
        config: { image: V240, replicas: 2 },
      })
    ).body.data.id;
    await until<{ status: string }>(
      `/v1/infrastructure/services/${service}`,
      (current) => current.status === 'running',
    );
    stages[type] = { environment, service };
  }
  return {
    estateId,
    staging: stages.staging ?? fail(),
    production: stages.production ?? fail(),
  };
}

function fail(): never {
  throw new Error('stage missing');
}

const deployment = (stage: { environment: string; service: string }, image: string) => ({
  environment_id: stage.environment,
  service_id: stage.service,
  image,
});

const eventTypes = async (estateId: string) =>
  (
    await admin('GET', `/v1/infrastructure/events?estate_id=${estateId}&limit=100`)
  ).body.data.map((event: { type: string }) => event.type);

describe('policies over HTTP', () => {
  it('refuses production until the image has succeeded in staging, then accepts it', async () => {
    const { estateId, staging, production } = await estateWithStages();
    const policy = await admin('POST', '/v1/infrastructure/policies', {
      estate_id: estateId,
      name: 'Staging before production',
      kind: 'promotion_order',
      parameters: { from_environment_type: 'staging', to_environment_type: 'production' },
    });

    const early = await deployer(
      'POST',
      '/v1/infrastructure/deployments',
      deployment(production, V241),
    );
    const toStaging = await deployer(
      'POST',
      '/v1/infrastructure/deployments',
      deployment(staging, V241),
    );
    await until<{ status: string }>(
      `/v1/infrastructure/deployments/${toStaging.body.data.deployment_id}`,
      (found) => found.status === 'succeeded',
    );
    const promoted = await deployer(
      'POST',
      '/v1/infrastructure/deployments',
      deployment(production, V241),
    );

    expect(policy.status).toBe(201);
    expect([early.status, early.body.code]).toEqual([422, 'policy_denied']);
    expect(early.body.violations).toEqual([
      expect.objectContaining({
        policy_id: policy.body.data.id,
        kind: 'promotion_order',
      }),
    ]);
    expect(toStaging.status).toBe(202);
    expect(promoted.status).toBe(202);
  });

  it('holds deployments in a freeze unless an admin breaks the glass, warns and validates without changing anything', async () => {
    const { estateId, staging } = await estateWithStages();
    const freeze = (
      await admin('POST', '/v1/infrastructure/policies', {
        estate_id: estateId,
        name: 'Quarter close',
        kind: 'deployment_freeze',
        parameters: {
          from: new Date(Date.now() - 3_600_000).toISOString(),
          to: new Date(Date.now() + 3_600_000).toISOString(),
        },
      })
    ).body.data;
    await admin('POST', '/v1/infrastructure/policies', {
      estate_id: estateId,
      name: 'Internal registry (trial)',
      kind: 'allowed_image_registries',
      enforcement: 'warn',
      parameters: { registries: ['registry.example.com'] },
    });
    const before = await eventTypes(estateId);

    const dry = await admin(
      'POST',
      '/v1/infrastructure/deployments?validate_only=true',
      deployment(staging, V241),
    );
    const afterDry = await eventTypes(estateId);
    const frozen = await deployer(
      'POST',
      '/v1/infrastructure/deployments',
      deployment(staging, V241),
    );
    const glass = { reason: 'Hotfix for a payment outage, INC-26-000101' };
    const broken = await admin('POST', '/v1/infrastructure/deployments', {
      ...deployment(staging, V241),
      break_glass: glass,
    });
    const history = await admin(
      'GET',
      `/v1/infrastructure/deployments?service_id=${staging.service}`,
    );

    expect(dry.status).toBe(200);
    expect(dry.body.data).toMatchObject({
      valid: false,
      violations: [{ policy_id: freeze.id, kind: 'deployment_freeze' }],
      warnings: [{ kind: 'allowed_image_registries' }],
    });
    expect(afterDry).toEqual(before);
    expect([frozen.status, frozen.body.violations[0].policy_id]).toEqual([
      422,
      freeze.id,
    ]);
    expect(broken.status).toBe(202);
    expect(broken.body.data.break_glass).toMatchObject({
      reason: glass.reason,
      overridden_policy_ids: [freeze.id],
    });
    expect(history.body.data).toHaveLength(1);
    expect(await eventTypes(estateId)).toEqual(
      expect.arrayContaining([
        'infrastructure.policy.violated',
        'infrastructure.policy.overridden',
      ]),
    );
  });
});
