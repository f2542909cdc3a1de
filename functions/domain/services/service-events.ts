import type { Estate } from '../estates/estate.ts';
import { newEvent, type PlatformEvent } from '../events.ts';
import type { Service } from './service.ts';

/** A compact snapshot of a service for event details. */
export const serviceSnapshot = (service: Service) => ({
  environment_id: service.environment_id,
  name: service.name,
  type: service.type,
  status: service.status,
  status_reason: service.status_reason ?? null,
  provider_resource: service.provider_resource,
  current_image: service.current_image,
});

/** An `infrastructure.service.*` event, as the service is after the change. */
export function serviceEvent(
  estate: Estate,
  service: Service,
  action: 'created' | 'ready' | 'failed' | 'updated' | 'deleted',
  now: Date,
  extra: Readonly<Record<string, unknown>> = {},
): PlatformEvent {
  return newEvent(
    {
      type: `infrastructure.service.${action}`,
      workspace_id: estate.workspace_id,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      subject_id: service.id,
      data: { ...serviceSnapshot(service), ...extra },
    },
    now.toISOString(),
  );
}
