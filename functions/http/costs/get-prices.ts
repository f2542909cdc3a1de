import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { httpHandler } from '../../platform/http.ts';
import { getPriceOverrides } from '../../store/estate-prices.ts';
import { PricesParams, pricesBody } from './prices.ts';

/** GET /v1/infrastructure/estates/{id}/prices — what the estate pays per unit. */
export const handler = httpHandler(
  {
    scope: 'read',
    params: PricesParams,
    summary: 'The unit prices an estate pays: list prices and its overrides',
    problems: [404],
  },
  async ({ params, caller }) => {
    const estate = await ownedEstate(params.id, caller.workspaceId);
    return { status: 200, body: pricesBody(estate, await getPriceOverrides(estate.id)) };
  },
);
