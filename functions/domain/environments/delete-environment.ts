import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { buildDeleteEnvironment } from '../../store/environment-writes.ts';
import { getEnvironment } from '../../store/environments.ts';
import { buildAddEnvironmentCount, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { buildReleaseEnvironmentName } from '../../store/names.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { rescoreEstate } from '../health/evaluate-estate-health.ts';
import type { Environment } from './environment.ts';
import { environmentEvent } from './environment-events.ts';

const hasServices = (environment: Environment) =>
  new ConflictError(
    'environment_has_services',
    `Environment ${environment.id} still has ${environment.service_count} service(s); delete them first.`,
    { service_count: environment.service_count },
  );

/**
 * Deletes an environment for good: the item goes, its name is freed and the estate's
 * environment_count drops by one, with `infrastructure.environment.deleted` in the
 * same transaction; the estate is then scored again, without it in the breakdown.
 * Refused with 409 while services remain, checked in the write itself so a service
 * created meanwhile is never orphaned. Given `expectedVersion` (an If-Match the
 * caller sent), the write holds only at that version, and a change made meanwhile is
 * refused as `environment_modified`.
 */
export async function deleteEnvironment(
  estate: EstateItem,
  environment: Environment,
  options: { readonly expectedVersion?: number } = {},
): Promise<void> {
  if (environment.service_count > 0) throw hasServices(environment);
  const now = new Date();
  try {
    await transact([
      { Delete: buildDeleteEnvironment(environment.id, options.expectedVersion) },
      {
        Delete: buildReleaseEnvironmentName(estate.id, environment.name, environment.id),
      },
      { Update: buildAddEnvironmentCount(estate.id, -1) },
      { Put: buildPutEvent(environmentEvent(estate, environment, 'deleted', now)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const current = await getEnvironment(environment.id);
    if (!current) throw new NotFoundError('environment', environment.id);
    if (
      options.expectedVersion !== undefined &&
      current.version !== options.expectedVersion
    )
      throw changedMeanwhile(environment.id);
    if (current.service_count > 0) throw hasServices(current);
    throw changedMeanwhile(environment.id);
  }
  // The environment leaves the estate's health breakdown at once.
  await rescoreEstate(estate.id);
}

const changedMeanwhile = (environmentId: string) =>
  new ConflictError(
    'environment_modified',
    `Environment ${environmentId} changed while this request ran; read it again and retry.`,
  );
