import { randomUUID } from 'node:crypto';

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
  readonly type: string;
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
