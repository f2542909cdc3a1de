import type { EventType } from '../events.ts';

/** Platform events that open or resolve incidents; the incidents rule matches these. */
export const INCIDENT_EVENT_TYPES = [
  'infrastructure.estate.failed',
  'infrastructure.estate.ready',
  'infrastructure.estate.deprovisioned',
  'infrastructure.deployment.failed',
  'infrastructure.deployment.rolled_back',
  'infrastructure.deployment.succeeded',
  'infrastructure.service.failed',
  'infrastructure.service.deleted',
] as const satisfies readonly EventType[];
