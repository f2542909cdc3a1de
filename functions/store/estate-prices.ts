import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PriceOverrides } from '../domain/costs/price-book.ts';
import { documentClient } from './client.ts';
import * as keys from './keys.ts';
import { tableName } from './table.ts';

/** An estate's price overrides, nano-dollars per unit as decimal strings; none is `{}`. */
export async function getPriceOverrides(estateId: string): Promise<PriceOverrides> {
  const result = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: keys.estatePrices(estateId) }),
  );
  return (result.Item?.prices ?? {}) as PriceOverrides;
}

/** Replaces an estate's price overrides. */
export async function putPriceOverrides(
  estateId: string,
  prices: PriceOverrides,
  now: string,
): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.estatePrices(estateId),
        entity: 'estate_prices',
        estate_id: estateId,
        prices,
        updated_at: now,
      },
    }),
  );
}
