import type { Route } from './routes.ts';

const USAGE = '/v1/infrastructure/usage';
const COSTS = '/v1/infrastructure/costs';
const PRICES = '/v1/infrastructure/estates/{id}/prices';
const BUDGETS = '/v1/infrastructure/budgets';

/** The routes of usage, costs, prices and budgets; ROUTES includes them. */
export const COST_ROUTES: readonly Route[] = [
  {
    name: 'IngestUsage',
    method: 'POST',
    path: USAGE,
    entry: 'functions/http/costs/ingest-usage.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'GetCosts',
    method: 'GET',
    path: COSTS,
    entry: 'functions/http/costs/get-costs.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'GetEstatePrices',
    method: 'GET',
    path: PRICES,
    entry: 'functions/http/costs/get-prices.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'PutEstatePrices',
    method: 'PUT',
    path: PRICES,
    entry: 'functions/http/costs/put-prices.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'CreateBudget',
    method: 'POST',
    path: BUDGETS,
    entry: 'functions/http/budgets/create-budget.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
  {
    name: 'ListBudgets',
    method: 'GET',
    path: BUDGETS,
    entry: 'functions/http/budgets/list-budgets.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'GetBudget',
    method: 'GET',
    path: `${BUDGETS}/{id}`,
    entry: 'functions/http/budgets/get-budget.ts',
    scope: 'read',
    authorized: true,
    grants: [],
  },
  {
    name: 'DeleteBudget',
    method: 'DELETE',
    path: `${BUDGETS}/{id}`,
    entry: 'functions/http/budgets/delete-budget.ts',
    scope: 'write',
    authorized: true,
    grants: ['table:write'],
  },
];
