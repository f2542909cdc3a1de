import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Read once as the driver registry loads: this service's workload is refused.
  process.env.SIM_FAILURES = 'createWorkload@refused-worker:permanent';
});

import { CreateServiceBody } from '../../functions/domain/services/service-body.ts';
import { callerFromClaims } from '../../functions/platform/auth.ts';
import { serviceBody } from '../support/factories.ts';
import { eventually } from '../support/http-client.ts';
import { useLocalAws, workflowsSettled } from '../support/local-aws.ts';
import {
  seedActiveEstate,
  seedContainerService,
  seedEnvironment,
} from '../support/seed.ts';

process.env.SIM_TIME_SCALE = '0.01';
const localAws = useLocalAws({ waitMs: 5 });

const { createDeployment } = await import(
  '../../functions/domain/deployments/create-deployment.ts'
);
const { listIncidents } = await import('../../functions/store/incident-lists.ts');
const { listEvents } = await import('../../functions/store/events.ts');
const { getEstate } = await import('../../functions/store/estates.ts');
const { enrolEstate } = await import('../../functions/store/health-roster.ts');
const { createService } = await import(
  '../../functions/domain/services/create-service.ts'
);
const { deleteService } = await import(
  '../../functions/domain/services/delete-service.ts'
);
const { getService } = await import('../../functions/store/services.ts');
const { reactToEvent } = await import(
  '../../functions/domain/incidents/react-to-event.ts'
);

const caller = callerFromClaims({
  sub: 'USR-26-000044',
  workspace_id: 'WS-26-000021',
  scope: 'deploy',
});

async function deploy(service: { id: string; environment_id: string }, image: string) {
  const deployment = await createDeployment(
    {
      environment_id: service.environment_id,
      service_id: service.id,
      image,
      strategy: 'rolling',
      rolling: { batch_size: 1 },
    },
    caller,
  );
  await workflowsSettled(localAws());
  return deployment;
}

const incidentsOf = async (estateId: string) =>
  (await listIncidents(estateId, {}, 100)).items;

/** Waits, boundedly, until the estate's incidents meet `done`. */
const incidentsWhen = (
  estateId: string,
  done: (incidents: Awaited<ReturnType<typeof incidentsOf>>) => boolean,
) =>
  eventually(async () => {
    const incidents = await incidentsOf(estateId);
    return done(incidents) ? incidents : undefined;
  });

describe('incidents from platform events', () => {
  it('opens exactly one incident for a rolled-back deployment, naming it as the suspected change', async () => {
    const estate = await seedActiveEstate();
    const service = await seedContainerService(estate);

    const deployment = await deploy(
      service,
      'ghcr.io/apex-digital/payments-api:v2.5.0-unhealthy',
    );
    const [incident] = await incidentsWhen(
      estate.id,
      (incidents) => incidents.length > 0,
    );
    await localAws().bus.idle();

    expect(await incidentsOf(estate.id)).toHaveLength(1);
    expect(incident).toMatchObject({
      status: 'open',
      severity: 'high',
      service_line_id: estate.service_line_id,
      cause: { code: 'deployment_failed', resource_id: service.id },
    });
    expect(incident?.affected_resources).toContainEqual({
      type: 'deployment',
      id: deployment.deployment_id,
    });
    expect(incident?.suspected_changes.map((change) => change.id)).toEqual([
      deployment.deployment_id,
    ]);
  });

  it('opens nothing more when the same event arrives again', async () => {
    const estate = await seedActiveEstate();
    const service = await seedContainerService(estate);
    await deploy(service, 'ghcr.io/apex-digital/payments-api:v2.5.1-unhealthy');
    await incidentsWhen(estate.id, (incidents) => incidents.length > 0);
    const events = (
      await listEvents(estate.id, { type: 'infrastructure.deployment.rolled_back' }, 10)
    ).items;

    for (const event of events) await reactToEvent(event);

    expect(await incidentsOf(estate.id)).toHaveLength(1);
  });

  it('resolves the incident by itself when a later deployment of the service succeeds', async () => {
    const estate = await seedActiveEstate();
    const service = await seedContainerService(estate);
    await deploy(service, 'ghcr.io/apex-digital/payments-api:v2.5.2-unhealthy');
    await incidentsWhen(estate.id, (incidents) => incidents.length > 0);

    await deploy(service, 'ghcr.io/apex-digital/payments-api:v2.5.3');
    const [incident] = await incidentsWhen(
      estate.id,
      (incidents) => incidents[0]?.status === 'resolved',
    );

    expect(incident).toMatchObject({ status: 'resolved', resolved_by: 'platform' });
  });
});

describe('incidents from service provisioning', () => {
  it('opens one incident for a service whose workload was refused and resolves it when the service goes', async () => {
    const estate = await seedActiveEstate();
    const environment = await seedEnvironment(estate);
    const input = CreateServiceBody.parse(
      serviceBody(environment.id, { name: 'refused-worker' }),
    );
    const service = await createService(estate, environment, input);
    await workflowsSettled(localAws());
    const [opened] = await incidentsWhen(estate.id, (incidents) => incidents.length > 0);

    const failed = await getService(service.id);
    if (failed) await deleteService(estate, failed);
    const [resolved] = await incidentsWhen(
      estate.id,
      (incidents) => incidents[0]?.status === 'resolved',
    );

    expect(opened).toMatchObject({
      status: 'open',
      severity: 'high',
      cause: {
        code: 'service_failed',
        resource_id: service.id,
        detail: expect.stringMatching(/^Simulated permanent failure of createWorkload/),
      },
      title: 'Service refused-worker could not be provisioned',
    });
    expect(opened?.affected_resources).toEqual([
      { type: 'service', id: service.id },
      { type: 'environment', id: environment.id },
    ]);
    expect(resolved).toMatchObject({ status: 'resolved', resolved_by: 'platform' });
  });
});

describe('the health schedule', () => {
  it('reads an unhealthy service from its driver, opens its incident and degrades the estate', async () => {
    const estate = await seedActiveEstate();
    const service = await seedContainerService(estate, {
      image: 'ghcr.io/apex-digital/payments-api:v2.6.0-unhealthy',
    });
    await enrolEstate(
      { estate_id: estate.id, workspace_id: estate.workspace_id },
      estate.created_at,
    );
    const schedule = localAws()
      .scheduler.names()
      .find((name) => name.includes('HealthSchedule'));

    await localAws().scheduler.run(schedule ?? '');
    await localAws().scheduler.run(schedule ?? '');

    const incidents = await incidentsOf(estate.id);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.cause).toMatchObject({
      code: 'service_unhealthy',
      resource_id: service.id,
    });
    expect((await getEstate(estate.id))?.status).toBe('degraded');
    expect(
      (await listEvents(estate.id, { type: 'infrastructure.estate.degraded' }, 10)).items,
    ).toHaveLength(1);
  });
});
