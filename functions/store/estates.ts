import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Estate, EstateStatus } from '../domain/estates/estate.ts';
import type { Provider } from '../domain/estates/regions.ts';
import type { NetworkHandle, OperationHandle } from '../drivers/driver.ts';
import { documentClient } from './client.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryPage } from './page.ts';
import { tableName } from './table.ts';

export interface EstateItem extends Estate {
  readonly version: number;
  readonly cost_mtd_micros: number;
  /** The driver's handle for the estate's network, once provisioning asked for it. */
  readonly network?: NetworkHandle;
  /** The driver's handle for tearing the network down. */
  readonly teardown?: OperationHandle;
  /** The name of the deprovisioning execution, once a teardown started. */
  readonly teardown_execution?: string;
  /** Whether the teardown removes environments and services too. */
  readonly cascade?: boolean;
}

/** Builds the Put of a new estate; it fails if the ID is already taken. */
export function buildPutEstate(estate: Estate) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.estate(estate.id),
      ...keys.estateByWorkspace(estate.workspace_id, estate.id),
      ...keys.estateDirectory(estate.id),
      entity: 'estate',
      version: 1,
      cost_mtd_micros: 0,
      ...estate,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Reads one estate by ID, or undefined. */
export async function getEstate(estateId: string): Promise<EstateItem | undefined> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.estate(estateId) }),
  );
  return result.Item ? stripKeys<EstateItem>(result.Item) : undefined;
}

export interface EstateFilter {
  readonly status?: EstateStatus | undefined;
  readonly provider?: Provider | undefined;
}

/** Builds the Query for a workspace's estates, with optional status and provider filters. */
export function buildListEstates(
  workspaceId: string,
  filter: EstateFilter,
): QueryCommandInput {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': keys.workspaceEstates(workspaceId) };
  for (const field of ['status', 'provider'] as const) {
    const value = filter[field];
    if (value === undefined) continue;
    conditions.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = value;
  }
  return {
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: values,
    ...(conditions.length > 0
      ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }
      : {}),
  };
}

/** Lists a workspace's estates in creation order, one page at a time. */
export async function listEstates(
  workspaceId: string,
  filter: EstateFilter,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<EstateItem>> {
  const input = { ...buildListEstates(workspaceId, filter), ExclusiveStartKey: startKey };
  const page = await queryPage(input, limit, ['gsi1pk', 'gsi1sk']);
  return {
    items: page.items.map((item) => stripKeys<EstateItem>(item)),
    nextKey: page.nextKey,
  };
}

export interface EstateTransition {
  readonly estateId: string;
  /** The transition happens only from one of these statuses. */
  readonly from: readonly EstateStatus[];
  readonly to: EstateStatus;
  readonly now: string;
  /** Further attributes to set in the same update. */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Attributes to remove in the same update. */
  readonly remove?: readonly string[];
  /** The transition happens only while the estate is still at this version. */
  readonly expectedVersion?: number;
}

/**
 * Builds a conditional status change; it fails unless the estate is in `from` (and,
 * given `expectedVersion`, still at that version).
 */
export function buildEstateTransition(transition: EstateTransition) {
  const names: Record<string, string> = {
    '#status': 'status',
    '#updated': 'updated_at',
    '#version': 'version',
  };
  const values: Record<string, unknown> = {
    ':to': transition.to,
    ':now': transition.now,
    ':one': 1,
  };
  const sets = ['#status = :to', '#updated = :now'];
  for (const [index, [name, value]] of Object.entries(transition.set ?? {}).entries()) {
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    sets.push(`#s${index} = :s${index}`);
  }
  const removes = (transition.remove ?? []).map((name, index) => {
    names[`#r${index}`] = name;
    return `#r${index}`;
  });
  transition.from.forEach((status, index) => {
    values[`:from${index}`] = status;
  });
  const allowed = transition.from.map((_, index) => `:from${index}`).join(', ');
  const remove = removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : '';
  const conditions = [`#status IN (${allowed})`];
  if (transition.expectedVersion !== undefined) {
    values[':expected'] = transition.expectedVersion;
    conditions.push('#version = :expected');
  }
  return {
    TableName: tableName(),
    Key: keys.estate(transition.estateId),
    UpdateExpression: `SET ${sets.join(', ')}${remove} ADD #version :one`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * Builds the update that stores (or, with `remove`, takes off) an estate's observed
 * health, its score and the breakdown, while it stays in `status`. Observed health is
 * not part of the record's version, so `version`, `updated_at` and the ETag stay.
 */
export function buildRecordEstateHealth(
  estateId: string,
  status: EstateStatus,
  set: Readonly<Record<string, unknown>>,
  remove: readonly string[] = [],
) {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':status': status };
  const sets: string[] = [];
  for (const [index, [name, value]] of Object.entries(set).entries()) {
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    sets.push(`#s${index} = :s${index}`);
  }
  const removes = remove.map((name, index) => {
    names[`#r${index}`] = name;
    return `#r${index}`;
  });
  return {
    TableName: tableName(),
    Key: keys.estate(estateId),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: 'attribute_exists(pk) AND #status = :status',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Builds the update that stores a value on an estate once; a second write fails. */
export function buildSetEstateOnce(estateId: string, attribute: string, value: unknown) {
  return {
    TableName: tableName(),
    Key: keys.estate(estateId),
    UpdateExpression: 'SET #attribute = :value ADD #version :one',
    ConditionExpression:
      'attribute_exists(pk) AND (attribute_not_exists(#attribute) OR attribute_type(#attribute, :null))',
    ExpressionAttributeNames: { '#attribute': attribute, '#version': 'version' },
    ExpressionAttributeValues: { ':value': value, ':null': 'NULL', ':one': 1 },
  };
}

/**
 * Builds the update of an estate's editable fields; it fails unless the estate is
 * still at `expectedVersion`, so a change made in between is never overwritten.
 */
export function buildUpdateEstateFields(
  estateId: string,
  expectedVersion: number,
  fields: Readonly<Record<string, unknown>>,
  now: string,
) {
  const names: Record<string, string> = {
    '#updated': 'updated_at',
    '#version': 'version',
  };
  const values: Record<string, unknown> = {
    ':now': now,
    ':one': 1,
    ':expected': expectedVersion,
  };
  const sets = ['#updated = :now'];
  for (const [index, [name, value]] of Object.entries(fields).entries()) {
    names[`#f${index}`] = name;
    values[`:f${index}`] = value;
    sets.push(`#f${index} = :f${index}`);
  }
  return {
    TableName: tableName(),
    Key: keys.estate(estateId),
    UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

function statusCondition(statuses: readonly EstateStatus[]) {
  const values = Object.fromEntries(
    statuses.map((status, index) => [`:status${index}`, status]),
  );
  const allowed = Object.keys(values).join(', ');
  return {
    expression: `attribute_exists(pk) AND #status IN (${allowed})`,
    values,
  };
}

/**
 * Builds the ADD of `delta` to an estate's environment_count. With `statuses`, it
 * fails unless the estate is in one of them; either way it fails if it is gone.
 */
export function buildAddEnvironmentCount(
  estateId: string,
  delta: number,
  statuses?: readonly EstateStatus[],
) {
  const condition = statuses ? statusCondition(statuses) : undefined;
  return {
    TableName: tableName(),
    Key: keys.estate(estateId),
    UpdateExpression: 'ADD #count :delta',
    ConditionExpression: condition?.expression ?? 'attribute_exists(pk)',
    ExpressionAttributeNames: {
      '#count': 'environment_count',
      ...(condition ? { '#status': 'status' } : {}),
    },
    ExpressionAttributeValues: { ':delta': delta, ...condition?.values },
  };
}

/** Builds a check, for a transaction, that the estate is in one of `statuses`. */
export function buildCheckEstateStatus(
  estateId: string,
  statuses: readonly EstateStatus[],
) {
  const condition = statusCondition(statuses);
  return {
    TableName: tableName(),
    Key: keys.estate(estateId),
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: condition.values,
  };
}
