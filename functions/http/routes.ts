import type { Scope } from '../platform/auth.ts';
import { COST_ROUTES } from './cost-routes.ts';

/** What a route's function may do beyond reading the table. */
export type Grant = 'table:write';

/**
 * One HTTP route: the single source for the CDK app (one Lambda function per route,
 * wired to the HTTP API) and for the local runtime (which serves the same modules).
 */
export interface Route {
  /** Stable name, used for the Lambda function's construct ID. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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
const INCIDENTS = '/v1/infrastructure/incidents';
const POLICIES = '/v1/infrastructure/policies';

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
    grants: ['table:write'],
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
    grants: ['table:write'],
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
    grants: ['table:write'],
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
    name: 'ListPolicies',
    method: 'GET',
    path: POLICIES,
    entry: 'functions/http/policies/list-policies.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'CreatePolicy',
    method: 'POST',
    path: POLICIES,
    entry: 'functions/http/policies/create-policy.ts',
    scope: 'admin',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'GetPolicy',
    method: 'GET',
    path: `${POLICIES}/{id}`,
    entry: 'functions/http/policies/get-policy.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'UpdatePolicy',
    method: 'PATCH',
    path: `${POLICIES}/{id}`,
    entry: 'functions/http/policies/update-policy.ts',
    scope: 'admin',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'DeletePolicy',
    method: 'DELETE',
    path: `${POLICIES}/{id}`,
    entry: 'functions/http/policies/delete-policy.ts',
    scope: 'admin',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'GetEstateHealth',
    method: 'GET',
    path: `${ESTATES}/{id}/health`,
    entry: 'functions/http/estates/get-estate-health.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'RecordServiceHealth',
    method: 'POST',
    path: `${SERVICES}/{id}/health`,
    entry: 'functions/http/services/record-service-health.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'ListIncidents',
    method: 'GET',
    path: INCIDENTS,
    entry: 'functions/http/incidents/list-incidents.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'GetIncident',
    method: 'GET',
    path: `${INCIDENTS}/{id}`,
    entry: 'functions/http/incidents/get-incident.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'AcknowledgeIncident',
    method: 'POST',
    path: `${INCIDENTS}/{id}/acknowledge`,
    entry: 'functions/http/incidents/acknowledge-incident.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'ResolveIncident',
    method: 'POST',
    path: `${INCIDENTS}/{id}/resolve`,
    entry: 'functions/http/incidents/resolve-incident.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  ...COST_ROUTES,
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
