import type { PriceOverrides } from '../domain/costs/price-book.ts';
import type { Service } from '../domain/services/service.ts';
import { batchGet, uniqueKeys } from './cost-client.ts';
import type { EstateItem } from './estates.ts';
import { stripKeys } from './items.ts';
import * as keys from './keys.ts';

/**
 * What pricing a batch of usage needs: its services, their estates and price
 * overrides, and the names of the services' environments (rollups carry them).
 */
export interface MeteringContext {
  readonly services: ReadonlyMap<string, Service>;
  readonly estates: ReadonlyMap<string, EstateItem>;
  readonly prices: ReadonlyMap<string, PriceOverrides>;
  readonly environmentNames: ReadonlyMap<string, string>;
}

/**
 * Reads the services, then their estates with price overrides and their
 * environments: two BatchGetItem rounds.
 */
export async function loadMeteringContext(
  serviceIds: readonly string[],
): Promise<MeteringContext> {
  const serviceItems = await batchGet(
    uniqueKeys(serviceIds.map((id) => keys.service(id))),
  );
  const services = new Map(
    serviceItems.map((item) => {
      const service = stripKeys<Service>(item);
      return [service.id, service] as const;
    }),
  );
  const estateIds = [...new Set([...services.values()].map((s) => s.estate_id))];
  const environmentIds = [
    ...new Set([...services.values()].map((s) => s.environment_id)),
  ];
  const parentItems = await batchGet([
    ...estateIds.flatMap((id) => [keys.estate(id), keys.estatePrices(id)]),
    ...environmentIds.map((id) => keys.environment(id)),
  ]);
  const estates = new Map<string, EstateItem>();
  const prices = new Map<string, PriceOverrides>();
  const environmentNames = new Map<string, string>();
  for (const item of parentItems) {
    if (item.sk === 'PRICES')
      prices.set(String(item.estate_id), (item.prices ?? {}) as PriceOverrides);
    else if (item.sk === 'ENVIRONMENT')
      environmentNames.set(String(item.id), String(item.name));
    else estates.set(String(item.id), stripKeys<EstateItem>(item));
  }
  return { services, estates, prices, environmentNames };
}
