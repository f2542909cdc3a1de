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

async function react(estate: EstateItem, event: PlatformEvent): Promise<void> {
  switch (event.type) {
    case 'infrastructure.estate.failed':
      await estateFailed(estate, event);
      return;
    case 'infrastructure.estate.ready':
      await resolveCause(estate.id, 'estate_failed', 'The estate is active again.');
      return;
    case 'infrastructure.estate.deprovisioned':
      await resolveCause(estate.id, 'estate_failed', 'The estate was deprovisioned.');
      return;
    case 'infrastructure.deployment.failed':
    case 'infrastructure.deployment.rolled_back':
      await deploymentFailed(estate, event);
      return;
    case 'infrastructure.deployment.succeeded':
      await resolveCause(
        text(event.data.service_id) ?? '',
        'deployment_failed',
        `Deployment ${event.subject_id} of the service succeeded.`,
      );
      return;
    case 'infrastructure.service.deleted':
      for (const cause of ['deployment_failed', 'service_unhealthy'] as const)
        await resolveCause(event.subject_id, cause, 'The service was deleted.');
      return;
  }
}

/**
 * Opens or resolves incidents for one platform event, then scores the estate again.
 * Safe to run twice for one event: a redelivered event opens nothing new.
 */
export async function reactToEvent(event: PlatformEvent): Promise<void> {
  const estate = await getEstate(event.estate_id);
  if (!estate) return;
  await react(estate, event);
  await evaluateEstateHealth(estate.id);
}
