import { randomUUID } from 'node:crypto';

/** Every platform event type (the EventBridge detail-type); docs/events.md catalogues each. */
export const EVENT_TYPES = [
  'infrastructure.estate.provisioning_started',
  'infrastructure.estate.ready',
  'infrastructure.estate.failed',
  'infrastructure.estate.deprovisioning_started',
  'infrastructure.estate.deprovisioned',
  'infrastructure.estate.updated',
  'infrastructure.estate.degraded',
  'infrastructure.estate.recovered',
  'infrastructure.environment.created',
  'infrastructure.environment.updated',
  'infrastructure.environment.deleted',
  'infrastructure.service.created',
  'infrastructure.service.ready',
  'infrastructure.service.failed',
  'infrastructure.service.updated',
  'infrastructure.service.deleted',
  'infrastructure.deployment.started',
  'infrastructure.deployment.succeeded',
  'infrastructure.deployment.failed',
  'infrastructure.deployment.rolled_back',
  'infrastructure.deployment.cancelled',
  'infrastructure.policy.created',
  'infrastructure.policy.updated',
  'infrastructure.policy.deleted',
  'infrastructure.policy.violated',
  'infrastructure.policy.overridden',
  'infrastructure.incident.opened',
  'infrastructure.incident.acknowledged',
  'infrastructure.incident.resolved',
  'infrastructure.usage.metered',
  'infrastructure.cost.threshold_exceeded',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The EventBridge source of every platform event. */
export const EVENT_SOURCE = 'platform.infrastructure';

/**
 * A platform event as written to the outbox and published as the EventBridge
 * detail. `type` is also the detail-type.
 */
export interface PlatformEvent {
  readonly event_id: string;
  readonly type: string;
  readonly time: string;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly service_line_id: string | null;
  readonly subject_id: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface EventInput {
  readonly type: EventType;
  readonly workspace_id: string;
  readonly estate_id: string;
  readonly service_line_id: string | null;
  readonly subject_id: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Creates an event with a fresh ID; consumers de-duplicate on event_id. */
export function newEvent(input: EventInput, time: string): PlatformEvent {
  return { event_id: `evt_${randomUUID()}`, time, ...input };
}
