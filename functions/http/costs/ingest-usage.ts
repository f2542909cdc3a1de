import { checkBudgets } from '../../domain/costs/check-budgets.ts';
import { ingestUsage } from '../../domain/costs/ingest-usage.ts';
import { IngestUsageBody } from '../../domain/costs/usage-body.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/usage — record metered usage; a re-sent record counts once. */
export const handler = httpHandler(
  {
    scope: 'write',
    idempotent,
    body: IngestUsageBody,
    summary: 'Record metered usage of services, at most 400 records at once',
    problems: [404, 422],
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
