import { isDeepStrictEqual } from 'node:util';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { validate } from '../../platform/validate.ts';
import type { EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { buildUpdateService } from '../../store/service-writes.ts';
import { getService } from '../../store/services.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import type { Service, UpdateServiceInput } from './service.ts';
import { CONFIG_SCHEMAS, FIXED_CONFIG, type ServiceConfig } from './service-config.ts';
import { serviceEvent } from './service-events.ts';

/** Refuses a change to a config field that only a deployment or a new service can change. */
function refuseFixedChanges(service: Service, patch: Readonly<Record<string, unknown>>) {
  const current: Readonly<Record<string, unknown>> = service.config;
  const changed = FIXED_CONFIG[service.type].filter(
    (field) => field in patch && patch[field] !== current[field],
  );
  if (changed.length === 0) return;
  throw new ValidationError(
    changed.map((field) => ({
      field: `body.config.${field}`,
      message: `${field} of a ${service.type} cannot change here; ${field === 'image' || field === 'package' ? 'start a deployment' : 'create a new service'} instead.`,
      code: 'immutable_field',
    })),
  );
}

/** The config with the patch merged over it; a null value removes a field. */
function merge(
  config: ServiceConfig,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...config };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else merged[field] = value;
  }
  return merged;
}

/**
 * Changes a service's config: the patch is merged over the current config and the
 * result checked against the service type's schema. The write is conditional on the
 * version read and carries `infrastructure.service.updated` in the same transaction;
 * asking for what is already there changes nothing.
 */
export async function updateService(
  estate: EstateItem,
  service: Service,
  input: UpdateServiceInput,
): Promise<Service> {
  // A rollout plans its batches from the config; changing it mid-rollout would leave
  // the service's record and its running replicas disagreeing.
  if (service.active_deployment_id) {
    throw new ConflictError(
      'deployment_in_progress',
      `Service ${service.id} is being deployed by ${service.active_deployment_id}; change it once that ends.`,
      { active_deployment_id: service.active_deployment_id },
    );
  }
  // The body's schema refuses a PATCH without a config field (empty_update).
  const changes = input.config ?? {};
  refuseFixedChanges(service, changes);
  const schema = CONFIG_SCHEMAS[service.type];
  const config = validate(schema, merge(service.config, changes), 'body.config');
  // Asking for what is already there changes nothing: no write, no event, same ETag.
  if (isDeepStrictEqual(config, service.config)) return service;
  const now = new Date();
  const next: Service = {
    ...service,
    config,
    version: service.version + 1,
    updated_at: nowIso(now),
  };
  const change = { serviceId: service.id, version: service.version, config };
  try {
    await transact([
      { Update: buildUpdateService({ ...change, now: next.updated_at }) },
      { Put: buildPutEvent(serviceEvent(estate, next, 'updated', now)) },
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    // Deleted meanwhile: there is nothing left to change.
    if (!(await getService(service.id))) throw new NotFoundError('service', service.id);
    throw new ConflictError(
      'service_modified',
      `Service ${service.id} changed while this request ran; read it again and retry.`,
    );
  }
  return next;
}
