import type { EnvironmentConfig } from '../domain/environments/environment.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

export interface EnvironmentChange {
  readonly environmentId: string;
  /** The version read; the update fails if another writer changed it since. */
  readonly version: number;
  readonly name: string;
  readonly config: EnvironmentConfig;
  readonly now: string;
}

/** Builds the optimistic update of an environment's name and config. */
export function buildUpdateEnvironment(change: EnvironmentChange) {
  return {
    TableName: tableName(),
    Key: keys.environment(change.environmentId),
    UpdateExpression:
      'SET #name = :name, #config = :config, #updated = :now ADD #version :one',
    ConditionExpression: 'attribute_exists(pk) AND #version = :version',
    ExpressionAttributeNames: {
      '#name': 'name',
      '#config': 'config',
      '#updated': 'updated_at',
      '#version': 'version',
    },
    ExpressionAttributeValues: {
      ':name': change.name,
      ':config': change.config,
      ':now': change.now,
      ':version': change.version,
      ':one': 1,
    },
  };
}

/**
 * Builds the Delete of an environment; it fails while the environment has services
 * and, given `expectedVersion`, once the environment has moved past that version.
 */
export function buildDeleteEnvironment(environmentId: string, expectedVersion?: number) {
  const versioned = expectedVersion !== undefined;
  return {
    TableName: tableName(),
    Key: keys.environment(environmentId),
    ConditionExpression: `attribute_exists(pk) AND #count = :zero${versioned ? ' AND #version = :version' : ''}`,
    ExpressionAttributeNames: {
      '#count': 'service_count',
      ...(versioned ? { '#version': 'version' } : {}),
    },
    ExpressionAttributeValues: {
      ':zero': 0,
      ...(versioned ? { ':version': expectedVersion } : {}),
    },
  };
}

/** Builds the ADD of `delta` to an environment's service_count; it fails if it is gone. */
export function buildAddServiceCount(environmentId: string, delta: number) {
  return {
    TableName: tableName(),
    Key: keys.environment(environmentId),
    UpdateExpression: 'ADD #count :delta',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#count': 'service_count' },
    ExpressionAttributeValues: { ':delta': delta },
  };
}
