import { randomBytes } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { SCOPES } from '../../../functions/platform/auth.ts';
import { signToken } from '../../../infra/local/jwt.ts';
import { environmentBody, estateBody, serviceBody } from '../../support/factories.ts';
import {
  eventually,
  type HttpReply,
  type httpClient,
} from '../../support/http-client.ts';
import type { LocalProcess } from '../../support/local-process.ts';
import type { Fixture } from './operations.ts';

export type Api = ReturnType<typeof httpClient>;

/** Workspace A's objects, with the names only they carry (to spot them in B's answers). */
export interface HttpFixture extends Fixture {
  readonly names: readonly string[];
}

const ok = (reply: HttpReply, what: string) => {
  if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${reply.text}`);
  return reply.body.data;
};

/**
 * Builds workspace A's objects over HTTP: an estate that became active, an
 * environment, a service, a policy, a finished deployment and an open incident.
 */
export async function buildHttpFixture(
  api: Api,
  workspaceId: string,
): Promise<HttpFixture> {
  const mark = randomBytes(4).toString('hex');
  const names = [
    `Tenant A Estate ${mark}`,
    `tenant-a-${mark}`,
    `Tenant A policy ${mark}`,
  ];
  const estate = ok(
    await api(
      'POST',
      '/v1/infrastructure/estates',
      estateBody({ workspace_id: workspaceId, name: names[0] }),
    ),
    'estate',
  );
  await eventually(async () => {
    const reply = await api('GET', `/v1/infrastructure/estates/${estate.id}`);
    return reply.body?.data?.status === 'active' ? true : undefined;
  }, 60_000);
  const environment = ok(
    await api('POST', '/v1/infrastructure/environments', environmentBody(estate.id)),
    'environment',
  );
  const service = ok(
    await api(
      'POST',
      '/v1/infrastructure/services',
      serviceBody(environment.id, { name: names[1] }),
    ),
    'service',
  );
  await eventually(async () => {
    const reply = await api('GET', `/v1/infrastructure/services/${service.id}`);
    return reply.body?.data?.status === 'running' ? true : undefined;
  }, 60_000);
  const policy = ok(
    await api('POST', '/v1/infrastructure/policies', {
      estate_id: estate.id,
      name: names[2],
      kind: 'allowed_service_types',
      parameters: { types: ['container_service', 'serverless_function'] },
    }),
    'policy',
  );
  const deployment = ok(
    await api('POST', '/v1/infrastructure/deployments', {
      environment_id: environment.id,
      service_id: service.id,
      image: 'ghcr.io/apex-digital/payments-api:v2.4.2',
    }),
    'deployment',
  );
  await settledDeployment(api, deployment.deployment_id);
  ok(
    await api('POST', `/v1/infrastructure/services/${service.id}/health`, {
      source: 'synthetics-eu',
      availability: 0.1,
      error_rate: 0.9,
      observed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
    'health signal',
  );
  const incidentId = await eventually(async () => {
    const reply = await api('GET', `/v1/infrastructure/incidents?estate_id=${estate.id}`);
    return reply.body?.data?.[0]?.id as string | undefined;
  });
  const budget = ok(
    await api('POST', '/v1/infrastructure/budgets', {
      estate_id: estate.id,
      amount: 10_000,
    }),
    'budget',
  );
  return {
    workspaceId,
    estateId: estate.id,
    environmentId: environment.id,
    serviceId: service.id,
    deploymentId: deployment.deployment_id,
    policyId: policy.id,
    incidentId,
    budgetId: budget.id,
    names,
  };
}

/** Waits until a deployment has left in_progress and rolling_back. */
export function settledDeployment(api: Api, deploymentId: string) {
  return eventually(async () => {
    const reply = await api('GET', `/v1/infrastructure/deployments/${deploymentId}`);
    const status = reply.body?.data?.status;
    return status && status !== 'in_progress' && status !== 'rolling_back'
      ? status
      : undefined;
  }, 60_000);
}

/** The callers of the matrix, each with the token it presents (empty for none). */
export interface Callers {
  readonly own: string;
  readonly other: string;
  readonly none: string;
  readonly expired: string;
  readonly badSignature: string;
  /** A token of workspace A holding every scope but the one needed (and not admin). */
  readonly lackingScope: (scope: string) => Promise<string>;
}

export async function callers(
  local: LocalProcess,
  workspaceA: string,
  workspaceB: string,
): Promise<Callers> {
  const all = [...SCOPES];
  const stranger = await generateKeyPair('RS256');
  return {
    own: await local.token({ workspaceId: workspaceA, scopes: all }),
    other: await local.token({ workspaceId: workspaceB, scopes: all }),
    none: '',
    expired: await signToken(local.keys, {
      workspaceId: workspaceA,
      scopes: all,
      ttlSeconds: -120,
    }),
    badSignature: await signToken(
      { privateKey: stranger.privateKey, publicKey: stranger.publicKey },
      { workspaceId: workspaceA, scopes: all },
    ),
    lackingScope: (scope) =>
      local.token({
        workspaceId: workspaceA,
        scopes: all.filter((held) => held !== scope && held !== 'admin'),
      }),
  };
}
