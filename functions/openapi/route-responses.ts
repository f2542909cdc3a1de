import { BUDGET_RESPONSES } from './responses/budgets.ts';
import { COST_RESPONSES } from './responses/costs.ts';
import { DEPLOYMENT_RESPONSES } from './responses/deployments.ts';
import { ENVIRONMENT_RESPONSES } from './responses/environments.ts';
import { ESTATE_RESPONSES } from './responses/estates.ts';
import { EVENT_RESPONSES } from './responses/events.ts';
import { INCIDENT_RESPONSES } from './responses/incidents.ts';
import { OPENAPI_RESPONSES } from './responses/openapi.ts';
import { POLICY_RESPONSES } from './responses/policies.ts';
import { SERVICE_RESPONSES } from './responses/services.ts';
import type { ResponsesByRoute } from './route-doc.ts';

/**
 * The success responses of every route, by its name in the route table. They live
 * here rather than in the handler specs because zod builds a schema when its module
 * loads: whatever a handler imports, its function ships, and responses are only
 * documentation.
 */
export const ROUTE_RESPONSES: ResponsesByRoute = {
  ...ESTATE_RESPONSES,
  ...EVENT_RESPONSES,
  ...ENVIRONMENT_RESPONSES,
  ...SERVICE_RESPONSES,
  ...DEPLOYMENT_RESPONSES,
  ...POLICY_RESPONSES,
  ...INCIDENT_RESPONSES,
  ...COST_RESPONSES,
  ...BUDGET_RESPONSES,
  ...OPENAPI_RESPONSES,
};
