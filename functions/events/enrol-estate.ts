import type { EventBridgeEvent } from 'aws-lambda';
import { logger } from '../platform/logger.ts';
import { enrolEstate, withdrawEstate } from '../store/health-roster.ts';
import { PlatformEventSchema } from './event-schema.ts';

/**
 * Rule target on the platform bus: keeps the health roster, the list of estates the
 * health schedule reads, so the schedule finds them without scanning the table.
 */
export async function handler(event: EventBridgeEvent<string, unknown>): Promise<void> {
  const parsed = PlatformEventSchema.safeParse(event.detail);
  if (!parsed.success) {
    logger.error('not a platform event', { detail_type: event['detail-type'] });
    return;
  }
  const { estate_id, workspace_id, type, time } = parsed.data;
  if (type === 'infrastructure.estate.ready')
    await enrolEstate({ estate_id, workspace_id }, time);
  else await withdrawEstate(estate_id);
  logger.info('health roster changed', { estate_id, type });
}
