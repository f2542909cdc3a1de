// Key templates for every entity in the table. Each key starts with its entity's
// name, so two entities can never share a key. Callers import the module as a
// namespace (`import * as keys`, then `keys.estate(id)`): each template is its own
// export, so a function's bundle carries only the templates it uses.
import { estateShard } from './estate-shards.ts';

export const counter = (prefix: string, year: string) => ({
  pk: `COUNTER#${prefix}#${year}`,
  sk: 'COUNTER',
});

export const estate = (estateId: string) => ({ pk: `ESTATE#${estateId}`, sk: 'ESTATE' });

/** gsi1: estates of a workspace, in creation order. */
export const estateByWorkspace = (workspaceId: string, estateId: string) => ({
  gsi1pk: `WORKSPACE#${workspaceId}#ESTATES`,
  gsi1sk: `ESTATE#${estateId}`,
});

export const workspaceEstates = (workspaceId: string) =>
  `WORKSPACE#${workspaceId}#ESTATES`;

export const event = (estateId: string, time: string, eventId: string) => ({
  pk: `ESTATE#${estateId}`,
  sk: `EVENT#${time}#${eventId}`,
});

export const environment = (environmentId: string) => ({
  pk: `ENVIRONMENT#${environmentId}`,
  sk: 'ENVIRONMENT',
});

/** gsi1: environments of an estate, in creation order. */
export const environmentByEstate = (estateId: string, environmentId: string) => ({
  gsi1pk: `ESTATE#${estateId}#ENVIRONMENTS`,
  gsi1sk: `ENVIRONMENT#${environmentId}`,
});

export const estateEnvironments = (estateId: string) => `ESTATE#${estateId}#ENVIRONMENTS`;

/** Claims an environment name within its estate; lives in the estate's partition. */
export const environmentName = (estateId: string, name: string) => ({
  pk: `ESTATE#${estateId}`,
  sk: `ENVNAME#${name}`,
});

export const service = (serviceId: string) => ({
  pk: `SERVICE#${serviceId}`,
  sk: 'SERVICE',
});

/** gsi1: services of an environment, in creation order. */
export const serviceByEnvironment = (environmentId: string, serviceId: string) => ({
  gsi1pk: `ENVIRONMENT#${environmentId}#SERVICES`,
  gsi1sk: `SERVICE#${serviceId}`,
});

export const environmentServices = (environmentId: string) =>
  `ENVIRONMENT#${environmentId}#SERVICES`;

/** Claims a service name within its environment; lives in the environment's partition. */
export const serviceName = (environmentId: string, name: string) => ({
  pk: `ENVIRONMENT#${environmentId}`,
  sk: `SVCNAME#${name}`,
});

export const deployment = (deploymentId: string) => ({
  pk: `DEPLOYMENT#${deploymentId}`,
  sk: 'DEPLOYMENT',
});

/** gsi1: deployments of a service; gsi2: deployments of an environment. */
export const deploymentIndexes = (
  serviceId: string,
  environmentId: string,
  deploymentId: string,
) => ({
  gsi1pk: `SERVICE#${serviceId}#DEPLOYMENTS`,
  gsi1sk: `DEPLOYMENT#${deploymentId}`,
  gsi2pk: `ENVIRONMENT#${environmentId}#DEPLOYMENTS`,
  gsi2sk: `DEPLOYMENT#${deploymentId}`,
});

export const policy = (policyId: string) => ({ pk: `POLICY#${policyId}`, sk: 'POLICY' });

/** gsi1: policies of an estate, in creation order. */
export const policyByEstate = (estateId: string, policyId: string) => ({
  gsi1pk: `ESTATE#${estateId}#POLICIES`,
  gsi1sk: `POLICY#${policyId}`,
});

export const estatePolicies = (estateId: string) => `ESTATE#${estateId}#POLICIES`;

/**
 * A workflow start waiting for the table's stream to carry it to Step Functions,
 * named as the execution is, within its workflow.
 */
export const workflowStart = (workflow: string, executionName: string) => ({
  pk: `WORKFLOW#${workflow}#${executionName}`,
  sk: 'WORKFLOW',
});

/** The last success of an image in an environment type; lives in the estate's partition. */
export const promotion = (estateId: string, environmentType: string, image: string) => ({
  pk: `ESTATE#${estateId}`,
  sk: `PROMOTED#${environmentType}#${image}`,
});

export const serviceLine = (serviceLineId: string) => ({
  pk: `LINE#${serviceLineId}`,
  sk: 'LINE',
});

/** One request made safe to retry: a workspace's Idempotency-Key. */
export const idempotency = (workspaceId: string, key: string) => ({
  pk: `IDEMPOTENCY#${workspaceId}#${key}`,
  sk: 'IDEMPOTENCY',
});

/** A workspace's request counter for one rate-limit window (epoch seconds it starts). */
export const rateLimit = (workspaceId: string, windowStart: number) => ({
  pk: `RATELIMIT#${workspaceId}#${windowStart}`,
  sk: 'RATELIMIT',
});

export const incident = (incidentId: string) => ({
  pk: `INCIDENT#${incidentId}`,
  sk: 'INCIDENT',
});

/** gsi1: incidents of an estate by opening time; gsi2 (sparse): only the unresolved ones. */
export const incidentIndexes = (
  estateId: string,
  openedAt: string,
  incidentId: string,
) => ({
  gsi1pk: `ESTATE#${estateId}#INCIDENTS`,
  gsi1sk: `INCIDENT#${openedAt}#${incidentId}`,
  gsi2pk: `ESTATE#${estateId}#OPEN_INCIDENTS`,
  gsi2sk: `INCIDENT#${openedAt}#${incidentId}`,
});

export const estateIncidents = (estateId: string) => `ESTATE#${estateId}#INCIDENTS`;

export const estateOpenIncidents = (estateId: string) =>
  `ESTATE#${estateId}#OPEN_INCIDENTS`;

/** At most one unresolved incident per resource and cause. */
export const incidentCause = (resourceId: string, cause: string) => ({
  pk: `INCIDENTCAUSE#${resourceId}#${cause}`,
  sk: 'INCIDENTCAUSE',
});

/** A platform event that already opened an incident; redeliveries find it. */
export const incidentEvent = (eventId: string) => ({
  pk: `INCIDENTEVENT#${eventId}`,
  sk: 'INCIDENTEVENT',
});

/** The estates the health schedule reads, spread over a few partitions. */
export const healthRoster = (shard: number, estateId: string) => ({
  pk: `HEALTHROSTER#${shard}`,
  sk: `ESTATE#${estateId}`,
});

/** One usage record, by the caller's record ID within its workspace (de-duplication). */
export const usageRecord = (workspaceId: string, recordId: string) => ({
  pk: `USAGE#${workspaceId}#${recordId}`,
  sk: 'USAGE',
});

/** The partition of an estate's day rollups. */
export const estateCosts = (estateId: string) => `COSTS#${estateId}`;

/** A day rollup: one environment, service and metric on one UTC day. */
export const costDay = (
  estateId: string,
  day: string,
  environmentId: string,
  serviceId: string,
  metric: string,
) => ({
  pk: `COSTS#${estateId}`,
  sk: `DAY#${day}#${environmentId}#${serviceId}#${metric}`,
});

/** gsi1: an environment's day rollups, by day (the rollup's own key is the estate's). */
export const costDayByEnvironment = (
  environmentId: string,
  day: string,
  serviceId: string,
  metric: string,
) => ({
  gsi1pk: `ENVIRONMENT#${environmentId}#COSTS`,
  gsi1sk: `DAY#${day}#${serviceId}#${metric}`,
});

export const environmentCosts = (environmentId: string) =>
  `ENVIRONMENT#${environmentId}#COSTS`;

/** An estate's price overrides, beside the estate. */
export const estatePrices = (estateId: string) => ({
  pk: `ESTATE#${estateId}`,
  sk: 'PRICES',
});

/** gsi2: every estate, spread over ESTATE_SHARDS partitions, for the usage collector. */
export const estateDirectory = (estateId: string) => ({
  gsi2pk: `ESTATES#${estateShard(estateId)}`,
  gsi2sk: `ESTATE#${estateId}`,
});

export const estateDirectoryShard = (shard: number) => `ESTATES#${shard}`;

export const budget = (budgetId: string) => ({ pk: `BUDGET#${budgetId}`, sk: 'BUDGET' });

/** gsi1: budgets of an estate (its own and its environments'), in creation order. */
export const budgetByEstate = (estateId: string, budgetId: string) => ({
  gsi1pk: `ESTATE#${estateId}#BUDGETS`,
  gsi1sk: `BUDGET#${budgetId}`,
});

export const estateBudgets = (estateId: string) => `ESTATE#${estateId}#BUDGETS`;

/** Marks a budget threshold as announced for a month, so it fires once. */
export const budgetAlert = (
  budgetId: string,
  month: string,
  basis: string,
  percent: number,
) => ({
  pk: `BUDGET#${budgetId}`,
  sk: `ALERT#${month}#${basis}#${percent}`,
});
