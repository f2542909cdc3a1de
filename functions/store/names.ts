import * as keys from './keys.ts';
import { tableName } from './table.ts';

type Key = { readonly pk: string; readonly sk: string };

/**
 * The Put of a uniqueness item: it claims a name for its owner and fails when the
 * name is already claimed, so two writers of one name cannot both succeed.
 */
const claim = (key: Key, ownerId: string) => ({
  TableName: tableName(),
  Item: { ...key, entity: 'name_claim', owner_id: ownerId },
  ConditionExpression: 'attribute_not_exists(pk)',
});

/** The Delete that frees a name, only while this owner still holds it. */
const release = (key: Key, ownerId: string) => ({
  TableName: tableName(),
  Key: { ...key },
  ConditionExpression: 'owner_id = :owner',
  ExpressionAttributeValues: { ':owner': ownerId },
});

/** Builds the claim of an environment name within its estate. */
export const buildClaimEnvironmentName = (
  estateId: string,
  name: string,
  environmentId: string,
) => claim(keys.environmentName(estateId, name), environmentId);

/** Builds the release of an environment's name. */
export const buildReleaseEnvironmentName = (
  estateId: string,
  name: string,
  environmentId: string,
) => release(keys.environmentName(estateId, name), environmentId);

/** Builds the claim of a service name within its environment. */
export const buildClaimServiceName = (
  environmentId: string,
  name: string,
  serviceId: string,
) => claim(keys.serviceName(environmentId, name), serviceId);

/** Builds the release of a service's name. */
export const buildReleaseServiceName = (
  environmentId: string,
  name: string,
  serviceId: string,
) => release(keys.serviceName(environmentId, name), serviceId);
