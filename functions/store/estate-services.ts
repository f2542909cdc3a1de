import type { Environment } from '../domain/environments/environment.ts';
import type { Service } from '../domain/services/service.ts';
import * as keys from './keys.ts';
import { queryAllOfGsi1 } from './page.ts';

export interface EnvironmentServices {
  readonly environment: Environment;
  readonly services: readonly Service[];
}

/**
 * Every environment of an estate with its services: one gsi1 Query for the
 * environments, then one per environment for its services. No Scan.
 */
export async function listEstateServices(
  estateId: string,
): Promise<EnvironmentServices[]> {
  const environments = await queryAllOfGsi1<Environment>(
    keys.estateEnvironments(estateId),
  );
  return Promise.all(
    environments.map(async (environment) => ({
      environment,
      services: await queryAllOfGsi1<Service>(keys.environmentServices(environment.id)),
    })),
  );
}
