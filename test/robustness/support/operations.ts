import { resolve } from 'node:path';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { ROUTES, type Route } from '../../../functions/http/routes.ts';
import type { HttpEvent, RouteSpec } from '../../../functions/platform/http.ts';
import { environmentBody, estateBody, serviceBody } from '../../support/factories.ts';

/** The objects of one workspace that the operations' examples point at. */
export interface Fixture {
  readonly workspaceId: string;
  readonly estateId: string;
  readonly environmentId: string;
  readonly serviceId: string;
  readonly deploymentId: string;
  readonly policyId: string;
  readonly incidentId: string;
  readonly budgetId: string;
}

type Kind = keyof Omit<Fixture, 'workspaceId'>;

/** The ID prefix of each kind of object a path can name. */
export const ID_PREFIX: Record<Kind, string> = {
  estateId: 'ESTATE',
  environmentId: 'INFENV',
  serviceId: 'INFSVC',
  deploymentId: 'DEPLOY',
  policyId: 'INFPOL',
  incidentId: 'INFINC',
  budgetId: 'BUDGET',
};

/** How one route is called correctly, and what another workspace gets from it. */
export interface Example {
  /** The object the `{id}` path parameter names, if the path has one. */
  readonly pathId?: Kind;
  readonly query?: (fixture: Fixture) => Record<string, string>;
  readonly body?: (fixture: Fixture) => Record<string, unknown>;
  /**
   * The answer to a caller of another workspace naming these objects: 404 for an
   * object, 403 for a workspace filter, 400 where the object is named inside a batch
   * (a usage record for a service that is not the caller's is a bad record).
   */
  readonly foreign: 400 | 403 | 404;
  /**
   * What the owner may get, in the matrix's order (destructive routes last): a
   * deployment may be running or finished, an environment may still hold services.
   * @default [200]
   */
  readonly owner?: readonly number[];
  /** Deletes or ends its object: fuzzing only ever aims it at unknown IDs. */
  readonly destructive?: boolean;
}

const observedNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A correct call of every route, keyed by route name. The robustness tests fail for a
 * route without an example, so a new route cannot miss the fuzzing or the matrix.
 */
export const EXAMPLES: Readonly<Record<string, Example>> = {
  ListEstates: { query: (f) => ({ workspace_id: f.workspaceId }), foreign: 403 },
  CreateEstate: {
    body: (f) => estateBody({ workspace_id: f.workspaceId, name: 'Fuzzed Estate' }),
    foreign: 403,
    owner: [202],
  },
  GetEstate: { pathId: 'estateId', foreign: 404 },
  UpdateEstate: {
    pathId: 'estateId',
    body: () => ({ name: 'Renamed Estate' }),
    foreign: 404,
  },
  DeleteEstate: {
    pathId: 'estateId',
    foreign: 404,
    owner: [202, 409],
    destructive: true,
  },
  ListEvents: { query: (f) => ({ estate_id: f.estateId }), foreign: 404 },
  ListEnvironments: { query: (f) => ({ estate_id: f.estateId }), foreign: 404 },
  CreateEnvironment: {
    body: (f) => environmentBody(f.estateId, { name: 'staging', type: 'staging' }),
    foreign: 404,
    owner: [201],
  },
  GetEnvironment: { pathId: 'environmentId', foreign: 404 },
  UpdateEnvironment: {
    pathId: 'environmentId',
    body: () => ({ config: { variables: { LOG_LEVEL: 'debug' } } }),
    foreign: 404,
  },
  DeleteEnvironment: {
    pathId: 'environmentId',
    foreign: 404,
    owner: [204, 409],
    destructive: true,
  },
  ListServices: { query: (f) => ({ environment_id: f.environmentId }), foreign: 404 },
  CreateService: {
    body: (f) => serviceBody(f.environmentId, { name: 'ledger-api' }),
    foreign: 404,
    owner: [202],
  },
  GetService: { pathId: 'serviceId', foreign: 404 },
  UpdateService: {
    pathId: 'serviceId',
    body: () => ({ config: { cpu: 1 } }),
    foreign: 404,
  },
  DeleteService: {
    pathId: 'serviceId',
    foreign: 404,
    owner: [204, 409],
    destructive: true,
  },
  ListDeployments: { query: (f) => ({ service_id: f.serviceId }), foreign: 404 },
  CreateDeployment: {
    body: (f) => ({
      environment_id: f.environmentId,
      service_id: f.serviceId,
      image: 'ghcr.io/apex-digital/payments-api:v2.4.9',
    }),
    foreign: 404,
    owner: [202],
  },
  GetDeployment: { pathId: 'deploymentId', foreign: 404 },
  CancelDeployment: {
    pathId: 'deploymentId',
    foreign: 404,
    owner: [202, 409],
    destructive: true,
  },
  ListPolicies: { query: (f) => ({ estate_id: f.estateId }), foreign: 404 },
  CreatePolicy: {
    body: (f) => ({
      estate_id: f.estateId,
      name: 'Regions we run in',
      kind: 'allowed_regions',
      parameters: { regions: ['eu-west-1', 'eu-central-1'] },
    }),
    foreign: 404,
    owner: [201],
  },
  GetPolicy: { pathId: 'policyId', foreign: 404 },
  UpdatePolicy: {
    pathId: 'policyId',
    body: () => ({ enforcement: 'warn' }),
    foreign: 404,
  },
  DeletePolicy: { pathId: 'policyId', foreign: 404, owner: [204], destructive: true },
  GetEstateHealth: { pathId: 'estateId', foreign: 404 },
  RecordServiceHealth: {
    pathId: 'serviceId',
    body: () => ({
      source: 'synthetics-eu',
      availability: 0.999,
      error_rate: 0.001,
      observed_at: observedNow(),
    }),
    foreign: 404,
  },
  ListIncidents: { query: (f) => ({ estate_id: f.estateId }), foreign: 404 },
  GetIncident: { pathId: 'incidentId', foreign: 404 },
  // A healthy reading sent earlier in the matrix may have resolved the incident already.
  AcknowledgeIncident: { pathId: 'incidentId', foreign: 404, owner: [200, 409] },
  ResolveIncident: {
    pathId: 'incidentId',
    foreign: 404,
    owner: [200, 409],
    destructive: true,
  },
  IngestUsage: {
    body: (f) => ({
      records: [
        {
          record_id: `fuzz-${f.serviceId}-vcpu`,
          service_id: f.serviceId,
          metric: 'vcpu_hours',
          quantity: 2,
          time: observedNow(),
          source: 'fuzz',
        },
      ],
    }),
    foreign: 400,
  },
  GetCosts: {
    query: (f) => ({
      estate_id: f.estateId,
      from: `${observedNow().slice(0, 8)}01`,
      to: observedNow().slice(0, 10),
      group_by: 'environment',
    }),
    foreign: 404,
  },
  GetEstatePrices: { pathId: 'estateId', foreign: 404 },
  PutEstatePrices: {
    pathId: 'estateId',
    body: () => ({ prices: { 'container_service.vcpu_hours': '0.05' } }),
    foreign: 404,
  },
  CreateBudget: {
    body: (f) => ({ estate_id: f.estateId, amount: 5000, thresholds: [50, 100] }),
    foreign: 404,
    owner: [201],
  },
  ListBudgets: { query: (f) => ({ estate_id: f.estateId }), foreign: 404 },
  GetBudget: { pathId: 'budgetId', foreign: 404 },
  DeleteBudget: { pathId: 'budgetId', foreign: 404, owner: [204], destructive: true },
  GetOpenApiDocument: { foreign: 403, owner: [200] },
};

/** The example of a route; throws for a route nobody wrote one for. */
export function exampleOf(route: Route): Example {
  const example = EXAMPLES[route.name];
  if (!example) throw new Error(`no robustness example for route ${route.name}`);
  return example;
}

/**
 * The concrete path of a route with its `{id}` filled in. A lone surrogate cannot
 * travel in a URL (it is not UTF-8), so the path carries its replacement character.
 */
export const pathOf = (route: Route, id: string | undefined) =>
  route.path.replace('{id}', encodeURIComponent((id ?? '').toWellFormed()));

/** The path of a route aimed at the fixture's own object. */
export function fixturePath(route: Route, fixture: Fixture): string {
  const kind = exampleOf(route).pathId;
  return pathOf(route, kind ? fixture[kind] : undefined);
}

/** A query string from parameters, in order, keeping repeated keys. */
export const queryString = (entries: readonly (readonly [string, string])[]) =>
  new URLSearchParams(entries.map(([name, value]) => [name, value])).toString();

export type Handler = ((
  event: HttpEvent,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>) & {
  readonly spec: RouteSpec<
    z.ZodType | undefined,
    z.ZodType | undefined,
    z.ZodType | undefined
  >;
};

const ROOT = resolve(import.meta.dirname, '../../..');

/** Loads every route's handler module, as the gateway does. */
export async function loadHandlers(): Promise<Map<Route, Handler>> {
  const handlers = new Map<Route, Handler>();
  for (const route of ROUTES) {
    const module = (await import(resolve(ROOT, route.entry))) as { handler: Handler };
    handlers.set(route, module.handler);
  }
  return handlers;
}

/** A route by name with its handler; throws for an unknown name. */
export function routeFor(
  handlers: ReadonlyMap<Route, Handler>,
  name: string,
): { route: Route; handler: Handler } {
  for (const [route, handler] of handlers)
    if (route.name === name) return { route, handler };
  throw new Error(`no route ${name}`);
}
