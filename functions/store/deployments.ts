import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Deployment, DeploymentStatus } from '../domain/deployments/deployment.ts';
import type { Service } from '../domain/services/service.ts';
import { documentClient } from './client.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';
import { type Page, queryPage } from './page.ts';
import { getService } from './services.ts';
import { tableName } from './table.ts';

/** What a rollout needs to know of its service: the service as stored. */
export type RolloutService = Service;

/** Reads a service as a rollout sees it, or undefined. */
export const getRolloutService = (serviceId: string) => getService(serviceId);

/** Builds the Put of a new deployment. */
export function buildPutDeployment(deployment: Deployment) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.deployment(deployment.deployment_id),
      ...keys.deploymentIndexes(
        deployment.service_id,
        deployment.environment_id,
        deployment.deployment_id,
      ),
      entity: 'deployment',
      ...deployment,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/**
 * Builds the lock that lets one deployment at a time roll a service; only a running
 * service (one whose workload exists) can be locked.
 */
export function buildLockService(serviceId: string, deploymentId: string) {
  return {
    TableName: tableName(),
    Key: keys.service(serviceId),
    UpdateExpression: 'SET active_deployment_id = :id',
    ConditionExpression:
      'attribute_exists(pk) AND attribute_not_exists(active_deployment_id) AND #status = :running',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':id': deploymentId, ':running': 'running' },
  };
}

/**
 * Builds the release of a service's lock. A succeeded rollout also sets its image,
 * which changes the record: its version (the ETag) moves on. A rollout that ended
 * otherwise leaves the record as it was, so only the lock, which is not part of it, goes.
 */
export function buildReleaseService(
  serviceId: string,
  deploymentId: string,
  image: string | null,
  now: string,
) {
  return {
    TableName: tableName(),
    Key: keys.service(serviceId),
    UpdateExpression: image
      ? 'SET current_image = :image, #config.#image = :image, updated_at = :now ADD #version :one REMOVE active_deployment_id'
      : 'REMOVE active_deployment_id',
    ConditionExpression: 'active_deployment_id = :id',
    ...(image
      ? {
          ExpressionAttributeNames: {
            '#config': 'config',
            '#image': 'image',
            '#version': 'version',
          },
        }
      : {}),
    ExpressionAttributeValues: {
      ':id': deploymentId,
      ...(image ? { ':image': image, ':now': now, ':one': 1 } : {}),
    },
  };
}

/** Reads one deployment, or undefined. */
export async function getDeployment(
  deploymentId: string,
): Promise<Deployment | undefined> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.deployment(deploymentId) }),
  );
  return result.Item ? stripKeys<Deployment>(result.Item) : undefined;
}

/** Builds an update of a deployment that only applies while it is in one of `from`. */
export function buildUpdateDeployment(
  deploymentId: string,
  from: readonly DeploymentStatus[],
  set: Readonly<Record<string, unknown>>,
) {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {};
  const sets = Object.entries(set).map(([name, value], index) => {
    names[`#a${index}`] = name;
    values[`:a${index}`] = value;
    return `#a${index} = :a${index}`;
  });
  from.forEach((status, index) => {
    values[`:from${index}`] = status;
  });
  return {
    TableName: tableName(),
    Key: keys.deployment(deploymentId),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: `#status IN (${from.map((_, index) => `:from${index}`).join(', ')})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

export type DeploymentScope =
  | { readonly service_id: string }
  | { readonly environment_id: string };

/** Builds the Query for a service's or an environment's deployments, newest first. */
export function buildListDeployments(
  scope: DeploymentScope,
  status?: DeploymentStatus,
): QueryCommandInput {
  const byService = 'service_id' in scope;
  const partition = byService
    ? `SERVICE#${scope.service_id}#DEPLOYMENTS`
    : `ENVIRONMENT#${scope.environment_id}#DEPLOYMENTS`;
  return {
    TableName: tableName(),
    IndexName: byService ? 'gsi1' : 'gsi2',
    KeyConditionExpression: `${byService ? 'gsi1pk' : 'gsi2pk'} = :pk`,
    ScanIndexForward: false,
    ExpressionAttributeValues: {
      ':pk': partition,
      ...(status ? { ':status': status } : {}),
    },
    ...(status
      ? {
          FilterExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
        }
      : {}),
  };
}

/** Lists deployments, newest first, one page at a time. */
export async function listDeployments(
  scope: DeploymentScope,
  status: DeploymentStatus | undefined,
  limit: number,
  startKey?: Record<string, unknown>,
): Promise<Page<Deployment>> {
  const indexKeys = 'service_id' in scope ? ['gsi1pk', 'gsi1sk'] : ['gsi2pk', 'gsi2sk'];
  const page = await queryPage(
    { ...buildListDeployments(scope, status), ExclusiveStartKey: startKey },
    limit,
    indexKeys,
  );
  return {
    items: page.items.map((item) => stripKeys<Deployment>(item)),
    nextKey: page.nextKey,
  };
}
