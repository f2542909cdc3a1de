import * as z from 'zod';
import { EVENT_TYPES } from '../domain/events.ts';

/** Every platform event's envelope, validated before it leaves the outbox. */
export const PlatformEventSchema = z.object({
  event_id: z.string().regex(/^evt_[0-9a-f-]{36}$/),
  type: z.enum(EVENT_TYPES),
  time: z.iso.datetime(),
  workspace_id: z.string().regex(/^WS-\d{2}-\d{6,}$/),
  estate_id: z.string().regex(/^ESTATE-\d{2}-\d{6,}$/),
  service_line_id: z
    .string()
    .regex(/^LIN-\d{2}-\d{6,}$/)
    .nullable(),
  subject_id: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

/** An event as GET /v1/infrastructure/events lists it: the envelope and when it was published. */
export const EventResource = PlatformEventSchema.extend({
  published_at: z.iso
    .datetime()
    .nullable()
    .meta({ description: 'When the event went onto the bus; null until then.' }),
}).meta({ id: 'Event' });
