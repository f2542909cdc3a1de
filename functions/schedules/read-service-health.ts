import { pollEstateHealth } from '../domain/health/poll-estate-health.ts';
import { logger } from '../platform/logger.ts';
import { ROSTER_SHARDS, rosterShard } from '../store/health-roster.ts';

/**
 * Scheduled: reads the health of every service of every estate on the health roster
 * from its driver and scores the estates. One estate failing is logged and skipped.
 */
export async function handler(): Promise<{ estates: number; failed: number }> {
  let estates = 0;
  let failed = 0;
  for (let shard = 0; shard < ROSTER_SHARDS; shard += 1) {
    for (const estateId of await rosterShard(shard)) {
      estates += 1;
      try {
        await pollEstateHealth(estateId);
      } catch (error) {
        failed += 1;
        logger.error('estate health poll failed', { estate_id: estateId, error });
      }
    }
  }
  logger.info('health poll', { estates, failed });
  return { estates, failed };
}
