import type { ServiceConfig } from '../domain/services/service-config.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

export interface ServiceChange {
  readonly serviceId: string;
  /** The version read; the update fails if another writer changed it since. */
  readonly version: number;
  readonly config: ServiceConfig;
  readonly now: string;
}

/** Builds the optimistic update of a service's config. */
export function buildUpdateService(change: ServiceChange) {
  return {
    TableName: tableName(),
    Key: keys.service(change.serviceId),
    UpdateExpression: 'SET #config = :config, #updated = :now ADD #version :one',
    ConditionExpression:
      'attribute_exists(pk) AND #version = :version AND attribute_not_exists(active_deployment_id)',
    ExpressionAttributeNames: {
      '#config': 'config',
      '#updated': 'updated_at',
      '#version': 'version',
    },
    ExpressionAttributeValues: {
      ':config': change.config,
      ':now': change.now,
      ':version': change.version,
      ':one': 1,
    },
  };
}

/** Builds the Delete of a service; it fails if the service is gone or being deployed. */
export function buildDeleteService(serviceId: string) {
  return {
    TableName: tableName(),
    Key: keys.service(serviceId),
    ConditionExpression:
      'attribute_exists(pk) AND attribute_not_exists(active_deployment_id)',
  };
}
