import { getEnvironment } from '../../store/environments.ts';
import { type EstateItem, getEstate } from '../../store/estates.ts';
import type { PlatformEvent } from '../events.ts';
import { evaluateEstateHealth } from '../health/evaluate-estate-health.ts';
import { openIncident } from './open-incident.ts';
import { resolveCause } from './resolve-incident.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : null);

function estateFailed(estate: EstateItem, event: PlatformEvent) {
  return openIncident({
    estate,
    cause: 'estate_failed',
    resourceId: estate.id,
    failure: 'estate_failed',
    environment: null,
    title: `Estate ${estate.name} failed`,
    detail: text(event.data.status_reason),
    affected: [{ type: 'estate', id: estate.id }],
    eventId: event.event_id,
  });
}

async function serviceFailed(estate: EstateItem, event: PlatformEvent) {
  const environmentId = text(event.data.environment_id) ?? '';
  const environment = await getEnvironment(environmentId);
  return openIncident({
    estate,
    cause: 'service_failed',
    resourceId: event.subject_id,
    failure: 'service_failed',
    environment: environment ? { id: environment.id, type: environment.type } : null,
    title: `Service ${text(event.data.name) ?? event.subject_id} could not be provisioned`,
    detail: text(event.data.status_reason),
    affected: [
      { type: 'service', id: event.subject_id },
      { type: 'environment', id: environmentId },
    ],
    eventId: event.event_id,
  });
}

async function deploymentFailed(estate: EstateItem, event: PlatformEvent) {
  const serviceId = text(event.data.service_id) ?? '';
  const environmentId = text(event.data.environment_id) ?? '';
  const environment = await getEnvironment(environmentId);
  const rolledBack = event.type === 'infrastructure.deployment.rolled_back';
  return openIncident({
    estate,
    cause: 'deployment_failed',
    resourceId: serviceId,
    failure: rolledBack ? 'deployment_rolled_back' : 'deployment_failed',
    environment: environment ? { id: environment.id, type: environment.type } : null,
    title: `Deployment ${event.subject_id} of service ${serviceId} ${rolledBack ? 'was rolled back' : 'failed'}`,
    detail: text(event.data.failure_reason),
    affected: [
      { type: 'service', id: serviceId },
      { type: 'environment', id: environmentId },
      { type: 'deployment', id: event.subject_id },
    ],
    eventId: event.event_id,
  });
}

/** Opens or resolves what the event calls for; true when an incident changed. */
async function react(estate: EstateItem, event: PlatformEvent): Promise<boolean> {
  switch (event.type) {
    case 'infrastructure.estate.failed':
      return (await estateFailed(estate, event)) !== null;
    case 'infrastructure.estate.ready':
      return (
        (await resolveCause(
          estate.id,
          'estate_failed',
          'The estate is active again.',
        )) !== null
      );
    case 'infrastructure.estate.deprovisioned':
      return (
        (await resolveCause(
          estate.id,
          'estate_failed',
          'The estate was deprovisioned.',
        )) !== null
      );
    case 'infrastructure.service.failed':
      return (await serviceFailed(estate, event)) !== null;
    case 'infrastructure.deployment.failed':
    case 'infrastructure.deployment.rolled_back':
      return (await deploymentFailed(estate, event)) !== null;
    case 'infrastructure.deployment.succeeded':
      return (
        (await resolveCause(
          text(event.data.service_id) ?? '',
          'deployment_failed',
          `Deployment ${event.subject_id} of the service succeeded.`,
        )) !== null
      );
    case 'infrastructure.service.deleted': {
      let changed = false;
      const causes = [
        'service_failed',
        'deployment_failed',
        'service_unhealthy',
      ] as const;
      for (const cause of causes)
        changed =
          (await resolveCause(event.subject_id, cause, 'The service was deleted.')) !==
            null || changed;
      return changed;
    }
    default:
      return false;
  }
}

/**
 * Opens or resolves incidents for one platform event and, when an incident changed,
 * scores the estate again. Safe to run twice for one event: a redelivered event opens
 * nothing new.
 */
export async function reactToEvent(event: PlatformEvent): Promise<void> {
  const estate = await getEstate(event.estate_id);
  if (!estate) return;
  if (await react(estate, event)) await evaluateEstateHealth(estate.id);
}
