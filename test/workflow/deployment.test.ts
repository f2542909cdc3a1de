import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../functions/platform/auth.ts';
import { startsPut, transactionsSent } from '../support/commands.ts';
import { useLocalAws, workflowsSettled } from '../support/local-aws.ts';
import { seedActiveEstate, seedContainerService } from '../support/seed.ts';

process.env.SIM_TIME_SCALE = '0.01';
const localAws = useLocalAws({ waitMs: 5 });

const { createDeployment } = await import(
  '../../functions/domain/deployments/create-deployment.ts'
);
const { cancelDeployment } = await import(
  '../../functions/domain/deployments/cancel-deployment.ts'
);
const { getDeployment, getRolloutService } = await import(
  '../../functions/store/deployments.ts'
);
const { listEvents } = await import('../../functions/store/events.ts');

const caller = callerFromClaims({
  sub: 'USR-26-000044',
  workspace_id: 'WS-26-000021',
  scope: 'deploy',
});

async function deploy(
  image: string,
  options: { replicas?: number; batch_size?: number } = {},
) {
  const estate = await seedActiveEstate();
  const service = await seedContainerService(estate, { replicas: options.replicas ?? 2 });
  const deployment = await createDeployment(
    {
      environment_id: service.environment_id,
      service_id: service.id,
      image,
      strategy: 'rolling',
      rolling: options.batch_size ? { batch_size: options.batch_size } : {},
    },
    caller,
  );
  return { estate, service, deployment };
}

async function settled(deploymentId: string) {
  await workflowsSettled(localAws());
  const deployment = await getDeployment(deploymentId);
  if (!deployment) throw new Error('deployment vanished');
  return deployment;
}

async function eventTypes(estateId: string) {
  return (await listEvents(estateId, {}, 100)).items.map((event) => event.type);
}

describe('the synthesized deployment workflow', () => {
  it('rolls every batch, passes each health gate and switches the service image', async () => {
    const { estate, service, deployment } = await deploy(
      'ghcr.io/apex-digital/payments-api:v2.4.1',
      {
        replicas: 4,
        batch_size: 1,
      },
    );

    const before = await getRolloutService(service.id);
    const done = await settled(deployment.deployment_id);
    const after = await getRolloutService(service.id);

    expect(done.status).toBe('succeeded');
    expect(done.batches_done).toBe(4);
    expect(after?.current_image).toBe('ghcr.io/apex-digital/payments-api:v2.4.1');
    expect(after?.config).toMatchObject({
      image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
    });
    expect(after?.active_deployment_id).toBeUndefined();
    // The image changed, so the record's version (its ETag) moved on.
    expect(before?.version).toBe(1);
    expect(after?.version).toBe(2);
    expect(after?.updated_at).toBe(done.finished_at);
    expect(await eventTypes(estate.id)).toEqual([
      'infrastructure.deployment.started',
      'infrastructure.deployment.succeeded',
    ]);
  });

  it('rolls back when the second batch turns unhealthy and keeps the old image', async () => {
    const { estate, service, deployment } = await deploy(
      'ghcr.io/apex-digital/payments-api:v2.5.0-unhealthy',
      {
        replicas: 2,
        batch_size: 1,
      },
    );

    const before = await getRolloutService(service.id);
    const done = await settled(deployment.deployment_id);
    const after = await getRolloutService(service.id);

    expect(done.status).toBe('rolled_back');
    expect(done.batches_done).toBe(2);
    expect(done.batches_rolled_back).toBe(2);
    expect(done.failure_reason).toMatch(/^Batch 2 of 2 turned unhealthy/);
    expect(after?.current_image).toBe('ghcr.io/apex-digital/payments-api:v2.4.0');
    expect(after?.active_deployment_id).toBeUndefined();
    // The service's record is as it was before the rollout (the lock is not part of
    // it), so its version and ETag stay: an If-Match read before still holds.
    expect(after).toEqual(before && { ...before, active_deployment_id: undefined });
    expect(after?.version).toBe(1);
    expect(await eventTypes(estate.id)).toContain(
      'infrastructure.deployment.rolled_back',
    );
  });

  it('stops on a cancel, rolls back what it rolled and ends cancelled', async () => {
    const { service, deployment } = await deploy(
      'ghcr.io/apex-digital/payments-api:v2.4.2',
      {
        replicas: 6,
        batch_size: 1,
      },
    );

    await cancelDeployment(deployment);
    const done = await settled(deployment.deployment_id);

    expect(done.status).toBe('cancelled');
    expect(done.batches_done).toBe(done.batches_rolled_back);
    expect(done.batches_done).toBeLessThan(6);
    expect((await getRolloutService(service.id))?.current_image).toBe(
      'ghcr.io/apex-digital/payments-api:v2.4.0',
    );
  });

  it('locks the service and asks for its workflow in one transaction', async () => {
    const estate = await seedActiveEstate();
    const service = await seedContainerService(estate);
    let deploymentId = '';

    // Workflows of earlier tests may still write while this one runs: the request's
    // transaction is the one that locks this service.
    const sent = await transactionsSent(async () => {
      const deployment = await createDeployment(
        {
          environment_id: service.environment_id,
          service_id: service.id,
          image: 'ghcr.io/apex-digital/payments-api:v2.7.0',
          strategy: 'rolling',
          rolling: {},
        },
        caller,
      );
      deploymentId = deployment.deployment_id;
    });
    const transaction =
      sent.find((items) =>
        items.some((item) => item.Put?.Item?.deployment_id === deploymentId),
      ) ?? [];

    expect(
      transaction.some((item) => item.Update?.Key?.pk === `SERVICE#${service.id}`),
    ).toBe(true);
    expect(startsPut(transaction)).toEqual([
      ['deployment', deploymentId, { deployment_id: deploymentId }],
    ]);
    expect((await settled(deploymentId)).status).toBe('succeeded');
  });

  it('lets exactly one of two simultaneous deployments to a service through', async () => {
    const estate = await seedActiveEstate();
    const service = await seedContainerService(estate);
    const request = (tag: string) =>
      createDeployment(
        {
          environment_id: service.environment_id,
          service_id: service.id,
          image: `ghcr.io/apex-digital/payments-api:${tag}`,
          strategy: 'rolling',
          rolling: {},
        },
        caller,
      );

    const results = await Promise.allSettled([request('v3.0.0'), request('v3.0.1')]);

    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(String((lost[0] as PromiseRejectedResult).reason.code)).toBe(
      'deployment_in_progress',
    );
    await workflowsSettled(localAws());
  });

  it('refuses the image the service already runs', async () => {
    const estate = await seedActiveEstate();
    const service = await seedContainerService(estate);

    const attempt = createDeployment(
      {
        environment_id: service.environment_id,
        service_id: service.id,
        image: 'ghcr.io/apex-digital/payments-api:v2.4.0',
        strategy: 'rolling',
        rolling: {},
      },
      caller,
    );

    await expect(attempt).rejects.toMatchObject({
      status: 409,
      code: 'image_already_running',
    });
  });
});

describe('a service being deployed', () => {
  it('refuses a config change until the rollout ends', async () => {
    const { updateService } = await import(
      '../../functions/domain/services/update-service.ts'
    );
    const { getEstate } = await import('../../functions/store/estates.ts');
    const { estate, service, deployment } = await deploy(
      'ghcr.io/apex-digital/payments-api:v2.6.0',
      {
        replicas: 6,
        batch_size: 1,
      },
    );
    const locked = await getRolloutService(service.id);
    const estateItem = await getEstate(estate.id);
    if (!locked || !estateItem) throw new Error('seeded objects vanished');

    const attempt = updateService(estateItem, locked, { config: { replicas: 1 } });

    await expect(attempt).rejects.toMatchObject({
      status: 409,
      code: 'deployment_in_progress',
    });
    await settled(deployment.deployment_id);
    expect((await getRolloutService(service.id))?.config).toMatchObject({ replicas: 6 });
  });
});
