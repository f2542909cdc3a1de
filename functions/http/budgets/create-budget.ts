import { CreateBudgetBody, toBudgetResource } from '../../domain/budgets/budget.ts';
import { createBudget } from '../../domain/budgets/create-budget.ts';
import { ownedEnvironment } from '../../domain/environments/owned-environment.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { httpHandler } from '../../platform/http.ts';
import { idempotent } from '../../platform/idempotency.ts';

/** POST /v1/infrastructure/budgets — a monthly budget with alert thresholds. */
export const handler = httpHandler(
  {
    scope: 'write',
    idempotent,
    body: CreateBudgetBody,
    summary: 'Set a monthly budget on an estate or environment, with alert thresholds',
    problems: [404, 409, 422],
  },
  async ({ body, caller }) => {
    const estateId = body.estate_id
      ? (await ownedEstate(body.estate_id, caller.workspaceId)).id
      : (await ownedEnvironment(body.environment_id ?? '', caller.workspaceId)).estate_id;
    const budget = await createBudget(body, {
      workspace_id: caller.workspaceId,
      estate_id: estateId,
    });
    return {
      status: 201,
      body: { data: toBudgetResource(budget) },
      headers: { location: `/v1/infrastructure/budgets/${budget.id}` },
    };
  },
);
