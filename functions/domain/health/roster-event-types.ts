import type { EventType } from '../events.ts';

/** Platform events that put an estate on the health roster or take it off. */
export const ROSTER_EVENT_TYPES = [
  'infrastructure.estate.ready',
  'infrastructure.estate.deprovisioning_started',
] as const satisfies readonly EventType[];
