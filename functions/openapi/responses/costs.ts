import * as z from 'zod/mini';
import { CURRENCY } from '../../domain/common.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

const IngestResponse = z.object({
  data: z.object({
    accepted: z.number().check(z.int()),
    duplicates: z.number().check(z.int()),
    cost: z.number(),
    currency: z.literal('USD'),
    records: z.array(
      z.object({ record_id: z.string(), status: z.enum(['accepted', 'duplicate']) }),
    ),
  }),
});

const CostsResponse = z.object({
  data: z.object({
    estate_id: z.optional(z.string()),
    environment_id: z.optional(z.string()),
    period: z.object({ from: z.string(), to: z.string() }),
    total: z.number(),
    currency: z.literal(CURRENCY),
    breakdown: z.array(
      z.object({ group: z.string(), cost: z.number(), percent: z.number() }),
    ),
  }),
});

/** What both price routes answer: `pricesBody` in functions/http/costs/prices.ts. */
const PricesResponse = z.object({
  data: z.object({
    estate_id: z.string(),
    currency: z.literal('USD'),
    prices: z.array(
      z.object({
        service_type: z.string(),
        metric: z.string(),
        unit_price: z.string(),
        source: z.enum(['list', 'override']),
      }),
    ),
  }),
});

/** The success responses of the usage, cost and price routes (functions/http/costs/). */
export const COST_RESPONSES: ResponsesByRoute = {
  IngestUsage: { 200: IngestResponse },
  GetCosts: { 200: CostsResponse },
  GetEstatePrices: { 200: PricesResponse },
  PutEstatePrices: { 200: PricesResponse },
};
