import { driverFor } from '../../drivers/registry.ts';
import { logger } from '../../platform/logger.ts';
import { listEstateServices } from '../../store/estate-services.ts';
import { getEstate } from '../../store/estates.ts';
import { withdrawEstate } from '../../store/health-roster.ts';
import { applyReading } from './apply-reading.ts';
import { evaluateEstateHealth } from './evaluate-estate-health.ts';

const GONE = new Set(['deprovisioned', 'failed']);

/**
 * Reads every service of an estate that runs an image from the driver, stores the
 * readings (opening or resolving incidents) and scores the estate once. One failing
 * reading is logged and skipped. An estate that is gone leaves the roster.
 */
export async function pollEstateHealth(estateId: string): Promise<void> {
  const estate = await getEstate(estateId);
  if (!estate || GONE.has(estate.status)) {
    await withdrawEstate(estateId);
    return;
  }
  if (estate.status !== 'active' && estate.status !== 'degraded') return;
  const driver = driverFor(estate.provider);
  const groups = await listEstateServices(estateId);
  for (const service of groups.flatMap((group) => group.services)) {
    const providerResource = service.provider_resource;
    if (!service.current_image || !providerResource) continue;
    try {
      const reading = await driver.readHealth({
        providerResource,
        image: service.current_image,
      });
      await applyReading(estate, service, {
        score: reading.score,
        status: reading.status,
        availability: reading.availability,
        error_rate: reading.errorRate,
        latency_p99_ms: null,
        source: 'driver',
        observed_at: new Date().toISOString(),
      });
    } catch (error) {
      logger.warn('health reading failed', { service_id: service.id, error });
    }
  }
  await evaluateEstateHealth(estateId);
}
