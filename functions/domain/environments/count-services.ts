import { sumEnvironmentServices } from '../../store/environments.ts';

/** How many services run across all of an estate's environments. */
export function countServicesInEstate(estateId: string): Promise<number> {
  return sumEnvironmentServices(estateId);
}
