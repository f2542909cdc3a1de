import type { PlatformEvent } from '../events.ts';
import type { SuspectedChange } from './incident.ts';

/** How far back before an incident opens changes are suspected. */
export const SUSPECT_WINDOW_MS = 2 * 60 * 60 * 1000;

/** At most this many suspected changes are listed, the latest first. */
export const MAX_SUSPECTS = 10;

function kindOf(event: PlatformEvent): SuspectedChange['kind'] | null {
  if (event.type.startsWith('infrastructure.deployment.')) return 'deployment';
  if (event.type.startsWith('infrastructure.policy.')) return 'policy';
  return null;
}

/** Whether a change touched one of the affected resources; policies govern the whole estate. */
function touches(event: PlatformEvent, resourceIds: ReadonlySet<string>): boolean {
  if (kindOf(event) === 'policy') return true;
  const related = [event.subject_id, event.data.service_id, event.data.environment_id];
  return related.some((id) => typeof id === 'string' && resourceIds.has(id));
}

/**
 * The changes behind events (newest first) that touched the affected resources, one
 * entry per deployment or policy, named by its latest event.
 */
export function pickSuspectedChanges(
  events: readonly PlatformEvent[],
  resourceIds: ReadonlySet<string>,
): SuspectedChange[] {
  const picked = new Map<string, SuspectedChange>();
  for (const event of events) {
    const kind = kindOf(event);
    if (!kind || picked.has(event.subject_id) || !touches(event, resourceIds)) continue;
    picked.set(event.subject_id, {
      kind,
      id: event.subject_id,
      last_event: event.type,
      at: event.time,
    });
  }
  return [...picked.values()].slice(0, MAX_SUSPECTS);
}
