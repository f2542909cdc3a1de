import { healthStatusOf } from '../../drivers/health.ts';
import { ConflictError } from '../../platform/errors.ts';
import type { EstateItem } from '../../store/estates.ts';
import type { StoredServiceHealth } from '../../store/service-health.ts';
import type { Service } from '../services/service.ts';
import { applyReading } from './apply-reading.ts';
import { evaluateEstateHealth } from './evaluate-estate-health.ts';
import type { HealthSignal } from './health-signal.ts';
import { signalScore } from './signal-score.ts';

export interface RecordedSignal {
  readonly health: StoredServiceHealth;
  /** False when a later observation was already stored. */
  readonly applied: boolean;
}

/**
 * Records a health signal for a running service, then scores its estate again. A
 * service still provisioning, or failed, has no workload a signal could be about:
 * it is refused with 409 `service_not_running`, and nothing is stored or opened.
 */
export async function recordHealthSignal(
  estate: EstateItem,
  service: Service,
  signal: HealthSignal,
): Promise<RecordedSignal> {
  if (service.status !== 'running') {
    throw new ConflictError(
      'service_not_running',
      `Service ${service.id} is ${service.status}; it has no workload to report health for.`,
      { service_status: service.status },
    );
  }
  const score = signalScore(signal.availability, signal.error_rate);
  const health: StoredServiceHealth = {
    score,
    status: healthStatusOf(score),
    availability: signal.availability,
    error_rate: signal.error_rate,
    latency_p99_ms: signal.latency_p99_ms ?? null,
    source: signal.source,
    observed_at: new Date(signal.observed_at).toISOString(),
  };
  const applied = await applyReading(estate, service, health);
  if (applied) await evaluateEstateHealth(estate.id);
  return { health, applied };
}
