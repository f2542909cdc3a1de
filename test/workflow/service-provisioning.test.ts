import { describe, expect, it, vi } from 'vitest';
import { CreateServiceBody } from '../../functions/domain/services/service-body.ts';
import { logger } from '../../functions/platform/logger.ts';
import { serviceBody } from '../support/factories.ts';
import { tableItems, useTable } from '../support/table.ts';
import {
  eventsOf,
  executionArnOf,
  finished,
  useLocalWorkflows,
} from './support/local-workflows.ts';

// The simulated driver reads these once, when its registry loads: everything that
// imports it (the seed helpers too) is imported below, after they are set.
Object.assign(process.env, {
  SIM_TIME_SCALE: '0.01',
  SIM_FAILURES:
    'createWorkload@flaky-api:transient:2,createWorkload@refused-api:permanent',
});

useTable();
const local = useLocalWorkflows();

const { createService } = await import(
  '../../functions/domain/services/create-service.ts'
);
const { deleteService } = await import(
  '../../functions/domain/services/delete-service.ts'
);
const { getService } = await import('../../functions/store/services.ts');
const { driverFor } = await import('../../functions/drivers/registry.ts');
const { seedActiveEstate, seedEnvironment } = await import('../support/seed.ts');

/** Creates a service through the domain; the stream starts its provisioning workflow. */
async function create(name: string) {
  const estate = await seedActiveEstate();
  const environment = await seedEnvironment(estate);
  const input = CreateServiceBody.parse(serviceBody(environment.id, { name }));
  const service = await createService(estate, environment, input);
  return { estate, service };
}

const provisioned = (serviceId: string) =>
  finished(local.sfn(), executionArnOf('service_provisioning', serviceId));

describe('the synthesized service provisioning workflow', () => {
  it('creates the workload and makes the service running, once', async () => {
    const { estate, service } = await create('payments-api');

    const execution = await provisioned(service.id);
    const after = await getService(service.id);
    const events = await eventsOf(estate.id);

    expect(service.status).toBe('provisioning');
    expect(service.provider_resource).toBeNull();
    expect(execution.status).toBe('SUCCEEDED');
    expect(after?.status).toBe('running');
    expect(after?.provider_resource).toMatch(/payments-api/);
    expect(after?.version).toBe(2);
    expect(events.map((event) => event.type)).toEqual([
      'infrastructure.service.created',
      'infrastructure.service.ready',
    ]);
    expect(events[1]?.data).toMatchObject({
      status: 'running',
      provider_resource: after?.provider_resource,
    });
  });

  it('retries a transient driver failure until the workload exists', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const { service } = await create('flaky-api');

    const execution = await provisioned(service.id);
    const failures = warn.mock.calls.filter(
      ([message, fields]) =>
        message === 'task failed' && fields?.task === 'create-workload',
    );

    expect(failures).toHaveLength(2);
    expect(execution.status).toBe('SUCCEEDED');
    expect((await getService(service.id))?.status).toBe('running');
  });

  it('marks the service failed with the provider reason when the driver refuses', async () => {
    const { estate, service } = await create('refused-api');

    const execution = await provisioned(service.id);
    const after = await getService(service.id);
    const events = await eventsOf(estate.id);

    expect(execution.status).toBe('FAILED');
    expect(after?.status).toBe('failed');
    expect(after?.provider_resource).toBeNull();
    expect(after?.status_reason).toMatch(
      /^Simulated permanent failure of createWorkload/,
    );
    expect(events.map((event) => event.type)).toEqual([
      'infrastructure.service.created',
      'infrastructure.service.failed',
    ]);
  });

  it('removes a workload created for a service deleted meanwhile', async () => {
    const estate = await seedActiveEstate();
    const environment = await seedEnvironment(estate);
    const driver = driverFor(estate.provider);
    const remove = vi.spyOn(driver, 'removeWorkload');
    const create = driver.createWorkload.bind(driver);
    // The service is deleted while the provider is still creating its workload.
    vi.spyOn(driver, 'createWorkload').mockImplementationOnce(async (input) => {
      const current = await getService(input.serviceId);
      if (current) await deleteService(estate, current);
      return create(input);
    });
    const input = CreateServiceBody.parse(
      serviceBody(environment.id, { name: 'brief-api' }),
    );

    const service = await createService(estate, environment, input);
    const execution = await provisioned(service.id);

    expect(execution.status).toBe('SUCCEEDED');
    expect(await getService(service.id)).toBeUndefined();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls[0]?.[0].providerResource).toMatch(/brief-api/);
    expect(
      (await tableItems('environment')).find((item) => item.id === environment.id)
        ?.service_count,
    ).toBe(0);
  });
});
