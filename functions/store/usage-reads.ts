import type { PriceOverrides } from '../domain/costs/price-book.ts';
import type { Service } from '../domain/services/service.ts';
import { documentClient } from './client.ts';
import { batchGet, uniqueKeys } from './cost-client.ts';
import type { EstateItem } from './estates.ts';
import { stripKeys } from './items.ts';
import { keys } from './keys.ts';

/** What pricing a batch of usage needs: its services, their estates and price overrides. */
export interface MeteringContext {
  readonly services: ReadonlyMap<string, Service>;
  readonly estates: ReadonlyMap<string, EstateItem>;
  readonly prices: ReadonlyMap<string, PriceOverrides>;
}

/** Reads the services, then their estates with price overrides: two BatchGetItem rounds. */
export async function loadMeteringContext(
  serviceIds: readonly string[],
): Promise<MeteringContext> {
  const serviceItems = await batchGet(
    uniqueKeys(serviceIds.map((id) => keys.service(id))),
    documentClient,
  );
  const services = new Map(
    serviceItems.map((item) => {
      const service = stripKeys<Service>(item);
      return [service.id, service] as const;
    }),
  );
  const estateIds = [...new Set([...services.values()].map((s) => s.estate_id))];
  const estateItems = await batchGet(
    estateIds.flatMap((id) => [keys.estate(id), keys.estatePrices(id)]),
    documentClient,
  );
  const estates = new Map<string, EstateItem>();
  const prices = new Map<string, PriceOverrides>();
  for (const item of estateItems) {
    if (item.sk === 'PRICES')
      prices.set(String(item.estate_id), (item.prices ?? {}) as PriceOverrides);
    else estates.set(String(item.id), stripKeys<EstateItem>(item));
  }
  return { services, estates, prices };
}
