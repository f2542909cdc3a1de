import type { EventBridgeEvent } from 'aws-lambda';
import { reactToEvent } from '../domain/incidents/react-to-event.ts';
import { logger } from '../platform/logger.ts';
import { PlatformEventSchema } from './event-schema.ts';

/**
 * Rule target on the platform bus: opens incidents for failed estates and failed or
 * rolled-back deployments, and resolves them when their cause clears. A throw makes
 * EventBridge retry the delivery, which the incident code is safe against.
 */
export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  const parsed = PlatformEventSchema.safeParse(event.detail);
  if (!parsed.success) {
    logger.error('not a platform event', { detail_type: event['detail-type'] });
    return;
  }
  await reactToEvent(parsed.data);
  logger.info('incident event handled', {
    event_id: parsed.data.event_id,
    type: parsed.data.type,
    estate_id: parsed.data.estate_id,
  });
}
