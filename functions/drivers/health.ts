import type { HealthReading, HealthStatus } from './driver.ts';
import { pick } from './hash.ts';

/** The tag of an image reference, or null when it has none (bare or by digest). */
export function imageTag(image: string): string | null {
  const lastPart = image.slice(image.lastIndexOf('/') + 1).split('@')[0] ?? '';
  const colon = lastPart.indexOf(':');
  return colon === -1 ? null : lastPart.slice(colon + 1);
}

/** Health status from a score: 90 and up healthy, 60 and up degraded, else unhealthy. */
export function healthStatusOf(score: number): HealthStatus {
  if (score >= 90) return 'healthy';
  if (score >= 60) return 'degraded';
  return 'unhealthy';
}

/** Score range the simulated cloud reports for an image, chosen by its tag. */
function scoreRange(image: string): readonly [number, number] {
  const tag = imageTag(image) ?? '';
  if (tag.endsWith('-unhealthy')) return [20, 39];
  if (tag.endsWith('-degraded')) return [70, 84];
  return [95, 100];
}

const round = (value: number) => Math.round(value * 100_000) / 100_000;

/**
 * The simulated health of a workload running `image`: a tag ending in `-unhealthy`
 * reads 20–39, one ending in `-degraded` reads 70–84, any other 95–100. The score
 * within the range is a digest of resource and image, so a reading never changes.
 * errorRate = ((100 − score) / 100)², availability = 1 − errorRate / 2.
 */
export function simulatedHealth(providerResource: string, image: string): HealthReading {
  const [min, max] = scoreRange(image);
  const score = pick(min, max, 'health', providerResource, image);
  const errorRate = round(((100 - score) / 100) ** 2);

  return {
    score,
    status: healthStatusOf(score),
    availability: round(1 - errorRate / 2),
    errorRate,
  };
}
