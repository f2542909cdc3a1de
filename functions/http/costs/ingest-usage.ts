import * as z from 'zod/mini';
import { checkBudgets } from '../../domain/costs/check-budgets.ts';
import { ingestUsage } from '../../domain/costs/ingest-usage.ts';
import { IngestUsageBody } from '../../domain/costs/usage-body.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

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

/** POST /v1/infrastructure/usage — record metered usage; a re-sent record counts once. */
export const handler = httpHandler(
  {
    scope: 'write',
    idempotent,
    body: IngestUsageBody,
    summary: 'Record metered usage of services, at most 400 records at once',
    problems: [404, 422],
    responses: { 200: IngestResponse },
  },
  async ({ body, caller }) => {
    const result = await ingestUsage(caller.workspaceId, body.records);
    await checkBudgets(result.estateIds);
    return {
      status: 200,
      body: {
        data: {
          accepted: result.accepted,
          duplicates: result.duplicates,
          cost: result.cost,
          currency: 'USD',
          records: result.records,
        },
      },
    };
  },
);
