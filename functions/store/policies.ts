import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Policy } from '../domain/policies/policy.ts';
import { documentClient } from './client.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryPage } from './page.ts';
import { tableName } from './table.ts';

/** Builds the Put of a new policy; it fails if the ID is already taken. */
export function buildPutPolicy(policy: Policy) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.policy(policy.id),
      ...keys.policyByEstate(policy.estate_id, policy.id),
      entity: 'policy',
      ...policy,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Builds the replacement of a policy; it fails unless it is still at `expectedVersion`. */
export function buildReplacePolicy(policy: Policy, expectedVersion: number) {
  return {
    ...buildPutPolicy(policy),
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expectedVersion },
  };
}

/** Builds the Delete of a policy; it fails unless it is still at `expectedVersion`. */
export function buildDeletePolicy(policyId: string, expectedVersion: number) {
  return {
    TableName: tableName(),
    Key: keys.policy(policyId),
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': expectedVersion },
  };
}

/** Reads one policy by ID, or undefined. */
export async function getPolicy(policyId: string): Promise<Policy | undefined> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.policy(policyId) }),
  );
  return result.Item ? stripKeys<Policy>(result.Item) : undefined;
}

/** Builds the Query for an estate's policies in creation order. */
export const buildListPolicies = (estateId: string) => ({
  TableName: tableName(),
  IndexName: 'gsi1',
  KeyConditionExpression: 'gsi1pk = :pk',
  ExpressionAttributeValues: { ':pk': keys.estatePolicies(estateId) },
});

/** Lists an estate's policies in creation order, one page at a time. */
export async function listPolicies(
  estateId: string,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<Policy>> {
  const input = { ...buildListPolicies(estateId), ExclusiveStartKey: startKey };
  const page = await queryPage(input, limit, ['gsi1pk', 'gsi1sk']);
  return {
    items: page.items.map((item) => stripKeys<Policy>(item)),
    nextKey: page.nextKey,
  };
}

/**
 * Reads every policy of an estate: one Query while the estate holds few (at most
 * MAX_POLICIES_PER_ESTATE, a few KB), following pages beyond 1 MB just in case.
 */
export async function allPolicies(estateId: string): Promise<Policy[]> {
  const policies: Policy[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({ ...buildListPolicies(estateId), ExclusiveStartKey: startKey }),
    );
    for (const item of result.Items ?? []) policies.push(stripKeys<Policy>(item));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return policies;
}
