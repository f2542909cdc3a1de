import type { Scope } from '../platform/auth.ts';

/** What a route's function may do beyond reading the table. */
export type Grant =
  | 'table:write'
  | 'provisioning:start'
  | 'deprovisioning:start'
  | 'deployment:start';

/**
 * One HTTP route: the single source for the CDK app (one Lambda function per route,
 * wired to the HTTP API) and for the local runtime (which serves the same modules).
 */
export interface Route {
  /** Stable name, used for the Lambda function's construct ID. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path in API Gateway's form, with `{param}` placeholders. */
  readonly path: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly scope: Scope;
  /** Whether the JWT authorizer guards the route. */
  readonly authorized: boolean;
  readonly grants: readonly Grant[];
}

const ESTATES = '/v1/infrastructure/estates';
const ENVIRONMENTS = '/v1/infrastructure/environments';
const SERVICES = '/v1/infrastructure/services';
const DEPLOYMENTS = '/v1/infrastructure/deployments';

export const ROUTES: readonly Route[] = [
  {
    name: 'ListEstates',
    method: 'GET',
    path: ESTATES,
    entry: 'functions/http/estates/list-estates.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'CreateEstate',
    method: 'POST',
    path: ESTATES,
    entry: 'functions/http/estates/create-estate.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write', 'provisioning:start'],
  },
  {
    name: 'GetEstate',
    method: 'GET',
    path: `${ESTATES}/{id}`,
    entry: 'functions/http/estates/get-estate.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'UpdateEstate',
    method: 'PATCH',
    path: `${ESTATES}/{id}`,
    entry: 'functions/http/estates/update-estate.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'DeleteEstate',
    method: 'DELETE',
    path: `${ESTATES}/{id}`,
    entry: 'functions/http/estates/delete-estate.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write', 'deprovisioning:start'],
  },
  {
    name: 'ListEvents',
    method: 'GET',
    path: '/v1/infrastructure/events',
    entry: 'functions/http/events/list-events.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'ListEnvironments',
    method: 'GET',
    path: ENVIRONMENTS,
    entry: 'functions/http/environments/list-environments.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'CreateEnvironment',
    method: 'POST',
    path: ENVIRONMENTS,
    entry: 'functions/http/environments/create-environment.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'GetEnvironment',
    method: 'GET',
    path: `${ENVIRONMENTS}/{id}`,
    entry: 'functions/http/environments/get-environment.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'UpdateEnvironment',
    method: 'PATCH',
    path: `${ENVIRONMENTS}/{id}`,
    entry: 'functions/http/environments/update-environment.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'DeleteEnvironment',
    method: 'DELETE',
    path: `${ENVIRONMENTS}/{id}`,
    entry: 'functions/http/environments/delete-environment.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'ListServices',
    method: 'GET',
    path: SERVICES,
    entry: 'functions/http/services/list-services.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'CreateService',
    method: 'POST',
    path: SERVICES,
    entry: 'functions/http/services/create-service.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'GetService',
    method: 'GET',
    path: `${SERVICES}/{id}`,
    entry: 'functions/http/services/get-service.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'UpdateService',
    method: 'PATCH',
    path: `${SERVICES}/{id}`,
    entry: 'functions/http/services/update-service.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'DeleteService',
    method: 'DELETE',
    path: `${SERVICES}/{id}`,
    entry: 'functions/http/services/delete-service.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'ListDeployments',
    method: 'GET',
    path: DEPLOYMENTS,
    entry: 'functions/http/deployments/list-deployments.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'CreateDeployment',
    method: 'POST',
    path: DEPLOYMENTS,
    entry: 'functions/http/deployments/create-deployment.ts',
    scope: 'deploy',
    authorized: true,
    grants: ['table:write', 'deployment:start'],
  },
  {
    name: 'GetDeployment',
    method: 'GET',
    path: `${DEPLOYMENTS}/{id}`,
    entry: 'functions/http/deployments/get-deployment.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'CancelDeployment',
    method: 'POST',
    path: `${DEPLOYMENTS}/{id}/cancel`,
    entry: 'functions/http/deployments/cancel-deployment.ts',
    scope: 'deploy',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'GetOpenApiDocument',
    method: 'GET',
    path: '/v1/openapi.json',
    entry: 'functions/http/openapi/get-openapi-document.ts',
    // Public: the document describes the API, and holds nothing of any workspace.
    scope: 'read',
    authorized: false,
    grants: [],
  },
];

/** The route key API Gateway uses, e.g. `GET /v1/infrastructure/estates/{id}`. */
export const routeKey = (route: Route) => `${route.method} ${route.path}`;
