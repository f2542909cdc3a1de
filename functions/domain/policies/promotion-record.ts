import { getEnvironment } from '../../store/environments.ts';
import { buildRecordPromotion } from '../../store/promotions.ts';
import type { Deployment } from '../deployments/deployment.ts';

/**
 * The transaction item that records a succeeded deployment's image as promoted in its
 * environment's type (`PROMOTED#<type>#<image>` in the estate's partition), which the
 * promotion_order policy reads in one GetItem. None if the environment is gone.
 */
export async function promotionPuts(deployment: Deployment, succeededAt: string) {
  const environment = await getEnvironment(deployment.environment_id);
  if (!environment) return [];
  const record = buildRecordPromotion({
    estate_id: deployment.estate_id,
    environment_type: environment.type,
    image: deployment.image,
    environment_id: deployment.environment_id,
    service_id: deployment.service_id,
    deployment_id: deployment.deployment_id,
    succeeded_at: succeededAt,
  });
  return [{ Put: record }];
}
