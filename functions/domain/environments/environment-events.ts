import type { Estate } from '../estates/estate.ts';
import { newEvent, type PlatformEvent } from '../events.ts';
import type { Environment } from './environment.ts';

/** A compact snapshot of an environment for event details. */
export const environmentSnapshot = (environment: Environment) => ({
  name: environment.name,
  type: environment.type,
  status: environment.status,
  service_count: environment.service_count,
});

/** An `infrastructure.environment.*` event, as the environment is after the change. */
export function environmentEvent(
  estate: Estate,
  environment: Environment,
  action: 'created' | 'updated' | 'deleted',
  now: Date,
  extra: Readonly<Record<string, unknown>> = {},
): PlatformEvent {
  return newEvent(
    {
      type: `infrastructure.environment.${action}`,
      workspace_id: estate.workspace_id,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      subject_id: environment.id,
      data: { ...environmentSnapshot(environment), ...extra },
    },
    now.toISOString(),
  );
}
