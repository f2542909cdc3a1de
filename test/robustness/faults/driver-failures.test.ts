import { describe, expect, it, vi } from 'vitest';
import { logger } from '../../../functions/platform/logger.ts';
import { environmentBody, serviceBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { tableItems, useTable } from '../../support/table.ts';
import {
  estateInput,
  useLocalWorkflows,
  workflowsSettled,
} from '../../workflow/support/local-workflows.ts';
import { loadHandlers, routeFor } from '../support/operations.ts';

// The simulated driver reads these once, when the first task loads it. Every step a
// workflow takes through the driver fails transiently first, for this estate.
const ESTATE = 'Faulty Driver Estate';
Object.assign(process.env, {
  SIM_TIME_SCALE: '0.01',
  SIM_FAILURES: [
    `provisionNetwork@${ESTATE}:transient:2`,
    `networkStatus@${ESTATE}:transient:1`,
    'createWorkload:transient:2',
    'rollBatch:transient:2',
    `deprovisionNetwork@${ESTATE}:transient:2`,
    `deprovisionStatus@${ESTATE}:transient:1`,
  ].join(','),
});

useTable();
const local = useLocalWorkflows();

async function post(name: string, body: unknown, workspace: string) {
  const { route, handler } = routeFor(await loadHandlers(), name);
  return call(handler, {
    routeKey: `POST ${route.path}`,
    path: route.path,
    body,
    workspaceId: workspace,
  });
}

describe('a driver failing transiently in every workflow', () => {
  it('retries each step until the estate, the service, the deployment and the teardown finish', async () => {
    const { createEstate } = await import(
      '../../../functions/domain/estates/create-estate.ts'
    );
    const { getEstate } = await import('../../../functions/store/estates.ts');
    const warn = vi.spyOn(logger, 'warn');
    const estate = await createEstate(estateInput(ESTATE));
    const workspace = estate.workspace_id;

    await workflowsSettled(local.aws());
    const provisioned = await getEstate(estate.id);
    const environment = await post(
      'CreateEnvironment',
      environmentBody(estate.id),
      workspace,
    );
    const service = await post(
      'CreateService',
      serviceBody(environment.body.data.id),
      workspace,
    );
    await workflowsSettled(local.aws());
    const deployment = await post(
      'CreateDeployment',
      {
        environment_id: environment.body.data.id,
        service_id: service.body.data.id,
        image: 'ghcr.io/apex-digital/payments-api:v2.4.2',
      },
      workspace,
    );
    await workflowsSettled(local.aws());
    const deployments = await tableItems('deployment');
    const services = await tableItems('service');
    const { handler: remove } = await import(
      '../../../functions/http/estates/delete-estate.ts'
    );
    const deleted = await call(remove, {
      routeKey: 'DELETE /v1/infrastructure/estates/{id}',
      path: `/v1/infrastructure/estates/${estate.id}`,
      pathParameters: { id: estate.id },
      query: 'cascade=true',
      workspaceId: workspace,
    });
    await workflowsSettled(local.aws());
    const torn = await getEstate(estate.id);
    const failedTasks = warn.mock.calls.filter(([message]) => message === 'task failed');

    expect(failedTasks.length).toBeGreaterThanOrEqual(10);
    expect(service.status).toBe(202);
    expect(provisioned?.status).toBe('active');
    expect(deployment.status).toBe(202);
    expect(deployments.map((item) => item.status)).toEqual(['succeeded']);
    expect(services.map((item) => item.active_deployment_id)).toEqual([undefined]);
    expect(services.map((item) => item.current_image)).toEqual([
      'ghcr.io/apex-digital/payments-api:v2.4.2',
    ]);
    expect(deleted.status).toBe(202);
    expect(torn?.status).toBe('deprovisioned');
    expect((await tableItems('estate')).map((item) => item.status)).toEqual([
      'deprovisioned',
    ]);
    expect(await tableItems('service')).toEqual([]);
  });
});
