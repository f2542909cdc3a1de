import * as z from 'zod/mini';
import { PlatformEventSchema } from '../../events/event-schema.ts';
import { pageOf } from '../envelopes.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** An event as GET /v1/infrastructure/events lists it: the envelope and when it was published. */
const EventResource = z
  .extend(PlatformEventSchema, {
    published_at: z
      .nullable(z.iso.datetime())
      .check(
        z.meta({ description: 'When the event went onto the bus; null until then.' }),
      ),
  })
  .check(z.meta({ id: 'Event' }));

/** The success responses of the event routes (functions/http/events/). */
export const EVENT_RESPONSES: ResponsesByRoute = {
  ListEvents: { 200: pageOf(EventResource) },
};
