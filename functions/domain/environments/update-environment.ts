import { isDeepStrictEqual } from 'node:util';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { buildUpdateEnvironment } from '../../store/environment-writes.ts';
import { getEnvironment } from '../../store/environments.ts';
import type { EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import {
  buildClaimEnvironmentName,
  buildReleaseEnvironmentName,
} from '../../store/names.ts';
import {
  ConditionFailedError,
  type TransactItem,
  transact,
} from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Environment, UpdateEnvironmentInput } from './environment.ts';
import { environmentEvent } from './environment-events.ts';
import { environmentNameTaken } from './name-taken.ts';

const changedMeanwhile = (environmentId: string) =>
  new ConflictError(
    'environment_modified',
    `Environment ${environmentId} changed while this request ran; read it again and retry.`,
  );

/**
 * Renames an environment and/or replaces its config. A rename moves the name claim
 * in the same transaction, so the new name stays unique within the estate. The write
 * is conditional on the version read, so a concurrent change is refused, not lost;
 * asking for what is already there changes nothing.
 */
export async function updateEnvironment(
  estate: EstateItem,
  environment: Environment,
  input: UpdateEnvironmentInput,
): Promise<Environment> {
  const renamed = input.name !== undefined && input.name !== environment.name;
  const reconfigured =
    input.config !== undefined && !isDeepStrictEqual(input.config, environment.config);
  // Asking for what is already there changes nothing: no write, no event, same ETag.
  if (!renamed && !reconfigured) return environment;
  const now = new Date();
  const next: Environment = {
    ...environment,
    name: input.name ?? environment.name,
    config: input.config ?? environment.config,
    version: environment.version + 1,
    updated_at: nowIso(now),
  };
  const { id } = environment;
  const rename: TransactItem[] = renamed
    ? [
        { Put: buildClaimEnvironmentName(estate.id, next.name, id) },
        { Delete: buildReleaseEnvironmentName(estate.id, environment.name, id) },
      ]
    : [];
  const change = { name: next.name, config: next.config, now: next.updated_at };
  const changes = renamed ? { renamed_from: environment.name } : {};
  try {
    await transact([
      {
        Update: buildUpdateEnvironment({
          environmentId: id,
          version: environment.version,
          ...change,
        }),
      },
      ...rename,
      { Put: buildPutEvent(environmentEvent(estate, next, 'updated', now, changes)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    if (renamed && error.index === 1) throw environmentNameTaken(estate.id, next.name);
    // Deleted meanwhile: there is nothing left to change.
    if (!(await getEnvironment(id))) throw new NotFoundError('environment', id);
    throw changedMeanwhile(id);
  }
  return next;
}
