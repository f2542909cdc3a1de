import type { EstateItem } from '../../store/estates.ts';
import { estateSnapshot } from '../estates/estate-events.ts';
import { newEvent, type PlatformEvent } from '../events.ts';
import { DEGRADED_BELOW, RECOVERED_AT } from './estate-status.ts';

/** `infrastructure.estate.degraded` or `.recovered`, as the estate is after the change. */
export function estateHealthEvent(
  estate: EstateItem,
  action: 'degraded' | 'recovered',
  score: number | null,
  now: Date,
): PlatformEvent {
  return newEvent(
    {
      type: `infrastructure.estate.${action}`,
      workspace_id: estate.workspace_id,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      subject_id: estate.id,
      data: {
        ...estateSnapshot(estate),
        health_score: score,
        threshold: action === 'degraded' ? DEGRADED_BELOW : RECOVERED_AT,
      },
    },
    now.toISOString(),
  );
}
