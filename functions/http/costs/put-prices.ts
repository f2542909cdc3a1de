import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { httpHandler } from '../../platform/http.ts';
import { putPriceOverrides } from '../../store/estate-prices.ts';
import { PricesParams, PutPricesBody, pricesBody, usdToNanos } from './prices.ts';

/**
 * PUT /v1/infrastructure/estates/{id}/prices — replace the estate's price overrides.
 * They price usage ingested from now on; what was recorded keeps its price.
 */
export const handler = httpHandler(
  {
    scope: 'write',
    params: PricesParams,
    body: PutPricesBody,
    summary: 'Replace the unit prices an estate pays instead of the list prices',
    problems: [404, 422],
  },
  async ({ params, body, caller }) => {
    const estate = await ownedEstate(params.id, caller.workspaceId);
    const overrides = Object.fromEntries(
      Object.entries(body.prices).flatMap(([key, usd]) =>
        usd === undefined ? [] : [[key, usdToNanos(usd)]],
      ),
    );
    await putPriceOverrides(estate.id, overrides, new Date().toISOString());
    return { status: 200, body: pricesBody(estate, overrides) };
  },
);
