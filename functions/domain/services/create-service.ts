import { driverFor } from '../../drivers/registry.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { logger } from '../../platform/logger.ts';
import { buildAddServiceCount } from '../../store/environment-writes.ts';
import { buildCheckEstateStatus, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { buildClaimServiceName } from '../../store/names.ts';
import { buildPutService, isServiceNameTaken } from '../../store/services.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Environment } from '../environments/environment.ts';
import {
  ACCEPTING_STATUSES,
  estateConditionError,
  requireAccepting,
} from '../estates/accepting.ts';
import { enforcePolicies } from '../policies/evaluate-policies.ts';
import { verdictPuts } from '../policies/policy-events.ts';
import { serviceSubject } from '../policies/subjects.ts';
import { provisionService } from './new-service.ts';
import type { CreateServiceInput, Service } from './service.ts';
import { serviceEvent } from './service-events.ts';

const NAME_CLAIM = 1;
const ENVIRONMENT_COUNT = 2;

const nameTaken = (environmentId: string, name: string) =>
  new ConflictError(
    'service_name_taken',
    `Environment ${environmentId} already has a service named ${name}.`,
    { field: 'body.name' },
  );

/**
 * Creates a service: its workload through the estate's driver, then one transaction
 * writing the service, claiming its name within the environment, adding one to the
 * environment's service_count, checking the estate still takes services and writing
 * `infrastructure.service.created`. The name is checked before the driver is asked,
 * so a taken name costs no cloud call.
 */
export async function createService(
  estate: EstateItem,
  environment: Environment,
  input: CreateServiceInput,
): Promise<Service> {
  requireAccepting(estate);
  if (await isServiceNameTaken(environment.id, input.name))
    throw nameTaken(environment.id, input.name);
  const verdict = await enforcePolicies(estate, serviceSubject(environment, input));
  const now = new Date();
  const id = await allocateId('INFSVC', now);
  const driver = driverFor(estate.provider);
  const service = await provisionService(driver, id, environment, input, nowIso(now));
  try {
    await transact([
      { Put: buildPutService(service) },
      { Put: buildClaimServiceName(environment.id, service.name, id) },
      { Update: buildAddServiceCount(environment.id, 1) },
      { ConditionCheck: buildCheckEstateStatus(estate.id, ACCEPTING_STATUSES) },
      { Put: buildPutEvent(serviceEvent(estate, service, 'created', now)) },
      ...verdictPuts(estate, verdict, { action: 'create_service', target_id: id }, now),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    // The workload's name comes from the service name, so after losing a race for
    // the name the workload is the winner's and stays; otherwise it is ours to undo.
    if (error.index === NAME_CLAIM) throw nameTaken(environment.id, input.name);
    await removeQuietly(estate, service);
    if (error.index === ENVIRONMENT_COUNT)
      throw new NotFoundError('environment', environment.id);
    throw await estateConditionError(estate.id);
  }
  return service;
}

async function removeQuietly(estate: EstateItem, service: Service): Promise<void> {
  try {
    await driverFor(estate.provider).removeWorkload({
      providerResource: service.provider_resource,
    });
  } catch (error) {
    logger.warn('workload left behind', {
      service_id: service.id,
      provider_resource: service.provider_resource,
      error,
    });
  }
}
