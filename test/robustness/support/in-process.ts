import type { Route } from '../../../functions/http/routes.ts';
import { environmentBody, serviceBody, workspaceId } from '../../support/factories.ts';
import { type CallResult, call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { tableItems } from '../../support/table.ts';
import type { Probe } from './mutations.ts';
import {
  type Fixture,
  type Handler,
  pathOf,
  queryString,
  routeFor,
} from './operations.ts';

export const ALL_SCOPES = ['read', 'write', 'deploy', 'admin'];

/** Sends a probe to a route's handler in-process, as the caller of `workspace`. */
export function send(
  handler: Handler,
  route: Route,
  probe: Probe,
  workspace: string,
  scopes: readonly string[] = ALL_SCOPES,
): Promise<CallResult> {
  const hasId = route.path.includes('{id}');
  return call(handler, {
    routeKey: `${route.method} ${route.path}`,
    path: pathOf(route, probe.pathId),
    query: queryString(probe.query),
    ...(hasId ? { pathParameters: { id: probe.pathId ?? '' } } : {}),
    ...(probe.rawBody === undefined ? {} : { rawBody: probe.rawBody }),
    ...(probe.body === undefined ? {} : { body: probe.body }),
    headers: { ...probe.headers },
    workspaceId: workspace,
    scopes,
  });
}

/** Entities every request may write: rate-limit windows, idempotency keys, ID counters. */
const BOOKKEEPING = new Set(['rate_limit', 'idempotency', 'counter']);

/** Every item of the table but the bookkeeping, in a stable order: what a refusal must not change. */
export async function snapshot(): Promise<string> {
  return (await tableItems())
    .filter((item) => !BOOKKEEPING.has(String(item.entity)))
    .map((item) => JSON.stringify(item, Object.keys(item).sort()))
    .sort()
    .join('\n');
}

/**
 * Builds a workspace's objects: an active estate written to the table as provisioning
 * leaves it, then through the handlers an environment with a running service, a
 * policy, a finished deployment and an open incident. `settle` waits for workflows.
 */
export async function buildFixture(
  handlers: ReadonlyMap<Route, Handler>,
  settle: () => Promise<void>,
): Promise<Fixture> {
  const workspace = workspaceId();
  const estate = await seedActiveEstate({ workspace_id: workspace });
  const post = async (name: string, body: unknown, pathId?: string) => {
    const { route, handler } = routeFor(handlers, name);
    const probe = { mutation: 'none', query: [], headers: {}, body, pathId };
    const answer = await send(handler, route, probe, workspace);
    if (answer.status >= 300) throw new Error(`${name}: ${answer.status} ${answer.text}`);
    return answer.body.data;
  };
  const environment = await post('CreateEnvironment', environmentBody(estate.id));
  const service = await post('CreateService', serviceBody(environment.id));
  // The service runs once its provisioning workflow has created the workload.
  await settle();
  const policy = await post('CreatePolicy', {
    estate_id: estate.id,
    name: 'Registries we trust',
    kind: 'allowed_image_registries',
    parameters: { registries: ['ghcr.io/apex-digital'] },
    enforcement: 'warn',
  });
  const deployment = await post('CreateDeployment', {
    environment_id: service.environment_id,
    service_id: service.id,
    image: 'ghcr.io/apex-digital/payments-api:v2.4.2',
  });
  await settle();
  await post(
    'RecordServiceHealth',
    {
      source: 'synthetics-eu',
      availability: 0.1,
      error_rate: 0.9,
      observed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
    service.id,
  );
  const incidents = await send(
    routeFor(handlers, 'ListIncidents').handler,
    routeFor(handlers, 'ListIncidents').route,
    { mutation: 'none', query: [['estate_id', estate.id]], headers: {} },
    workspace,
  );
  const incidentId: string | undefined = incidents.body.data[0]?.id;
  if (!incidentId) throw new Error(`no incident opened: ${incidents.text}`);
  const budget = await post('CreateBudget', { estate_id: estate.id, amount: 10_000 });
  return {
    workspaceId: workspace,
    estateId: estate.id,
    environmentId: service.environment_id,
    serviceId: service.id,
    deploymentId: deployment.deployment_id,
    policyId: policy.id,
    incidentId,
    budgetId: budget.id,
  };
}
