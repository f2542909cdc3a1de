import { buildPutEnvironment } from '../../store/environments.ts';
import { buildAddEnvironmentCount, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { buildClaimEnvironmentName } from '../../store/names.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import {
  ACCEPTING_STATUSES,
  estateConditionError,
  requireAccepting,
} from '../estates/accepting.ts';
import { enforcePolicies } from '../policies/evaluate-policies.ts';
import { verdictPuts } from '../policies/policy-events.ts';
import { environmentSubject } from '../policies/subjects.ts';
import {
  type CreateEnvironmentInput,
  type Environment,
  newEnvironment,
} from './environment.ts';
import { environmentEvent } from './environment-events.ts';
import { environmentNameTaken } from './name-taken.ts';

const NAME_CLAIM = 1;
const ESTATE_COUNT = 2;

/**
 * Records a new environment of an active (or degraded) estate. One transaction writes
 * the environment, claims its name within the estate, adds one to the estate's
 * environment_count while the estate still takes environments, and writes
 * `infrastructure.environment.created` to the outbox: all of it or nothing.
 */
export async function createEnvironment(
  estate: EstateItem,
  input: CreateEnvironmentInput,
): Promise<Environment> {
  requireAccepting(estate);
  const verdict = await enforcePolicies(estate, environmentSubject(input));
  const now = new Date();
  const id = await allocateId('INFENV', now);
  const environment = newEnvironment(id, estate.workspace_id, input, nowIso(now));
  try {
    await transact([
      { Put: buildPutEnvironment(environment) },
      { Put: buildClaimEnvironmentName(estate.id, environment.name, id) },
      { Update: buildAddEnvironmentCount(estate.id, 1, ACCEPTING_STATUSES) },
      { Put: buildPutEvent(environmentEvent(estate, environment, 'created', now)) },
      ...verdictPuts(
        estate,
        verdict,
        { action: 'create_environment', target_id: id },
        now,
      ),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    if (error.index === NAME_CLAIM) throw environmentNameTaken(estate.id, input.name);
    if (error.index === ESTATE_COUNT) throw await estateConditionError(estate.id);
    throw error;
  }
  return environment;
}
