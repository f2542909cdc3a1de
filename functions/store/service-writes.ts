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

/**
 * Builds the Delete of a service; it fails if the service is gone, being deployed or
 * no longer in the status it was read in (a service read while provisioning may have
 * got its workload since, which the delete must then remove first), and, given
 * `expectedVersion`, once the service has moved past that version.
 */
export function buildDeleteService(
  serviceId: string,
  status: string,
  expectedVersion?: number,
) {
  const versioned = expectedVersion !== undefined;
  return {
    TableName: tableName(),
    Key: keys.service(serviceId),
    ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(active_deployment_id) AND #status = :status${versioned ? ' AND #version = :version' : ''}`,
    ExpressionAttributeNames: {
      '#status': 'status',
      ...(versioned ? { '#version': 'version' } : {}),
    },
    ExpressionAttributeValues: {
      ':status': status,
      ...(versioned ? { ':version': expectedVersion } : {}),
    },
  };
}

/** A service moving out of `provisioning`, with what the move sets beside its status. */
export interface ServiceProvisioned {
  readonly serviceId: string;
  readonly to: 'running' | 'failed';
  readonly now: string;
  readonly set: Readonly<Record<string, unknown>>;
}

/**
 * Builds the update that ends a service's provisioning; it fails unless the service
 * is still `provisioning`, so a service deleted meanwhile is never brought back and
 * the move happens once.
 */
export function buildEndProvisioning(change: ServiceProvisioned) {
  const names: Record<string, string> = {
    '#status': 'status',
    '#updated': 'updated_at',
    '#version': 'version',
  };
  const values: Record<string, unknown> = {
    ':to': change.to,
    ':from': 'provisioning',
    ':now': change.now,
    ':one': 1,
  };
  const sets = ['#status = :to', '#updated = :now'];
  for (const [index, [name, value]] of Object.entries(change.set).entries()) {
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    sets.push(`#s${index} = :s${index}`);
  }
  return {
    TableName: tableName(),
    Key: keys.service(change.serviceId),
    UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
    ConditionExpression: '#status = :from',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
