import * as z from 'zod/mini';
import { EVENT_TYPES } from '../domain/events.ts';

/** Every platform event's envelope, validated before it leaves the outbox. */
export const PlatformEventSchema = z.object({
  event_id: z.string().check(z.regex(/^evt_[0-9a-f-]{36}$/)),
  type: z.enum(EVENT_TYPES),
  time: z.iso.datetime(),
  workspace_id: z.string().check(z.regex(/^WS-\d{2}-\d{6,}$/)),
  estate_id: z.string().check(z.regex(/^ESTATE-\d{2}-\d{6,}$/)),
  service_line_id: z.nullable(z.string().check(z.regex(/^LIN-\d{2}-\d{6,}$/))),
  subject_id: z.string().check(z.minLength(1)),
  data: z.record(z.string(), z.unknown()),
});
