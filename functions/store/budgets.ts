import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Budget } from '../domain/budgets/budget.ts';
import { documentClient } from './client.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryAllOfGsi1, queryPage } from './page.ts';
import { tableName } from './table.ts';

/** Builds the Put of a new budget; it fails if the ID is taken. */
export const buildPutBudget = (budget: Budget) => ({
  TableName: tableName(),
  Item: {
    ...keys.budget(budget.id),
    ...keys.budgetByEstate(budget.estate_id, budget.id),
    entity: 'budget',
    ...budget,
  },
  ConditionExpression: 'attribute_not_exists(pk)',
});

export async function putBudget(budget: Budget): Promise<void> {
  await documentClient.send(new PutCommand(buildPutBudget(budget)));
}

export async function getBudget(budgetId: string): Promise<Budget | undefined> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.budget(budgetId) }),
  );
  return result.Item ? stripKeys<Budget>(result.Item) : undefined;
}

export async function deleteBudget(budgetId: string): Promise<void> {
  await documentClient.send(
    new DeleteCommand({ TableName: tableName(), Key: keys.budget(budgetId) }),
  );
}

/** Every budget of an estate and its environments: one Query of gsi1 (few per estate). */
export const listEstateBudgets = (estateId: string): Promise<Budget[]> =>
  queryAllOfGsi1<Budget>(keys.estateBudgets(estateId));

/** An estate's and its environments' budgets in creation order, one page at a time. */
export async function listBudgets(
  estateId: string,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<Budget>> {
  const input = {
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.estateBudgets(estateId) },
    ExclusiveStartKey: startKey,
  };
  const page = await queryPage(input, limit, ['gsi1pk', 'gsi1sk']);
  return {
    items: page.items.map((item) => stripKeys<Budget>(item)),
    nextKey: page.nextKey,
  };
}

/** Builds the marker that a threshold was announced for a month; it fails the second time. */
export const buildPutBudgetAlert = (
  budgetId: string,
  month: string,
  basis: string,
  percent: number,
) => ({
  TableName: tableName(),
  Item: {
    ...keys.budgetAlert(budgetId, month, basis, percent),
    entity: 'budget_alert',
    budget_id: budgetId,
    month,
    basis,
    percent,
  },
  ConditionExpression: 'attribute_not_exists(pk)',
});
