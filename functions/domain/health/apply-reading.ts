import { getEnvironment } from '../../store/environments.ts';
import type { EstateItem } from '../../store/estates.ts';
import {
  recordServiceHealth,
  type StoredServiceHealth,
} from '../../store/service-health.ts';
import { openIncident } from '../incidents/open-incident.ts';
import { resolveCause } from '../incidents/resolve-incident.ts';
import type { Service } from '../services/service.ts';

/**
 * Stores a service's reading and follows it with incidents: an unhealthy reading opens
 * one (unless one is already unresolved for the service), a healthy one resolves it.
 * A reading older than the stored one changes nothing. Returns whether it was stored.
 */
export async function applyReading(
  estate: EstateItem,
  service: Service,
  reading: StoredServiceHealth,
): Promise<boolean> {
  const stored = await recordServiceHealth(service.id, reading);
  if (!stored) return false;
  if (reading.status === 'unhealthy') {
    const environment = await getEnvironment(service.environment_id);
    await openIncident({
      estate,
      cause: 'service_unhealthy',
      resourceId: service.id,
      failure: 'service_unhealthy',
      environment: environment ? { id: environment.id, type: environment.type } : null,
      title: `Service ${service.name} is unhealthy`,
      detail: `Health score ${reading.score} from ${reading.source ?? 'unknown'}.`,
      affected: [
        { type: 'service', id: service.id },
        { type: 'environment', id: service.environment_id },
      ],
      eventId: null,
    });
  } else if (reading.status === 'healthy') {
    await resolveCause(
      service.id,
      'service_unhealthy',
      `The service reads healthy again (score ${reading.score}).`,
    );
  }
  return true;
}
