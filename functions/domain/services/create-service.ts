import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { buildAddServiceCount } from '../../store/environment-writes.ts';
import { buildCheckEstateStatus, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { buildClaimServiceName } from '../../store/names.ts';
import { buildPutService, isServiceNameTaken } from '../../store/services.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import {
  buildPutWorkflowStart,
  type WorkflowStart,
} from '../../store/workflow-starts.ts';
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
import { newService } from './new-service.ts';
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
 * Records a new service in `provisioning`: one transaction writes the service, claims
 * its name within the environment, adds one to the environment's service_count,
 * checks the estate still takes services, writes `infrastructure.service.created` and
 * asks for the service's provisioning workflow, which creates the workload a moment
 * later in an execution named after the service. No cloud call happens within the
 * request, so a request never waits on a provider and a taken name costs nothing.
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
  const service = newService(id, environment, input, nowIso(now));
  try {
    await transact([
      { Put: buildPutService(service) },
      { Put: buildClaimServiceName(environment.id, service.name, id) },
      { Update: buildAddServiceCount(environment.id, 1) },
      { ConditionCheck: buildCheckEstateStatus(estate.id, ACCEPTING_STATUSES) },
      { Put: buildPutEvent(serviceEvent(estate, service, 'created', now)) },
      { Put: buildPutWorkflowStart(serviceProvisioning(id), now) },
      ...verdictPuts(estate, verdict, { action: 'create_service', target_id: id }, now),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    if (error.index === NAME_CLAIM) throw nameTaken(environment.id, input.name);
    if (error.index === ENVIRONMENT_COUNT)
      throw new NotFoundError('environment', environment.id);
    throw await estateConditionError(estate.id);
  }
  return service;
}

/** The service's provisioning workflow, named after the service. */
const serviceProvisioning = (serviceId: string): WorkflowStart => ({
  workflow: 'service_provisioning',
  executionName: serviceId,
  input: { service_id: serviceId },
});
