import { describe, expect, it } from 'vitest';
import { PermanentDriverError } from '../../../functions/drivers/errors.ts';
import { batchShare } from '../../../functions/drivers/simulated-workloads.ts';
import { aBatch, aSimulatedDriver, aUsageRequest, aWorkload } from './factories.ts';

describe('simulated createWorkload', () => {
  it('names the workload as the provider would', async () => {
    const { driver } = aSimulatedDriver('azure');

    const workload = await driver.createWorkload(aWorkload({ type: 'message_queue' }));

    expect(workload).toEqual({ providerResource: 'servicebus/payments-api-prod' });
  });

  it('fails only the service the subject names', async () => {
    const { driver } = aSimulatedDriver('aws', {
      failures: 'createWorkload@ledger:permanent',
    });

    const ledger = driver.createWorkload(aWorkload({ serviceName: 'ledger' }));
    const payments = driver.createWorkload(aWorkload());

    await expect(ledger).rejects.toThrow(PermanentDriverError);
    await expect(payments).resolves.toHaveProperty('providerResource');
  });
});

describe('simulated removeWorkload', () => {
  it('removes a workload of its provider at once', async () => {
    const { driver } = aSimulatedDriver('gcp');

    const removal = await driver.removeWorkload({
      providerResource: 'run/payments-api-prod',
    });

    expect(removal).toEqual({ removedAt: '2026-04-15T10:30:00.000Z' });
  });

  it('refuses a resource of another provider', async () => {
    const { driver } = aSimulatedDriver('gcp');

    const removal = driver.removeWorkload({ providerResource: 'ecs/payments-api-prod' });

    await expect(removal).rejects.toThrow('is not a gcp workload');
  });
});

describe('simulated rollBatch', () => {
  it('moves its share of replicas and completes after the batch time', async () => {
    const { driver } = aSimulatedDriver('aws', { timeScale: 0.01 });

    const roll = await driver.rollBatch(aBatch());

    expect(roll).toEqual({ replicasUpdated: 2, completedAt: '2026-04-15T10:30:00.030Z' });
  });

  it('refuses to roll a workload that runs no image', async () => {
    const { driver } = aSimulatedDriver();

    const roll = driver.rollBatch(aBatch({ providerResource: 'rds/payments-db-prod' }));

    await expect(roll).rejects.toThrow('runs no image to roll');
  });

  it('refuses a batch index past the batch count', async () => {
    const { driver } = aSimulatedDriver();

    const roll = driver.rollBatch(aBatch({ batchIndex: 3 }));

    await expect(roll).rejects.toThrow(PermanentDriverError);
  });

  it('fails every batch of the targeted service permanently', async () => {
    const failures = 'rollBatch@payments-api:permanent';
    const { driver } = aSimulatedDriver('aws', { failures });

    const first = driver.rollBatch(aBatch());
    const second = driver.rollBatch(aBatch({ batchIndex: 1 }));
    const other = driver.rollBatch(aBatch({ providerResource: 'ecs/ledger-prod' }));

    await expect(first).rejects.toThrow(PermanentDriverError);
    await expect(second).rejects.toThrow(PermanentDriverError);
    await expect(other).resolves.toHaveProperty('completedAt');
  });
});

describe('batchShare', () => {
  it('shares replicas out evenly, earlier batches taking the remainder', () => {
    const shares = [0, 1, 2].map((batchIndex) =>
      batchShare({ batchIndex, batchCount: 3, replicas: 7 }),
    );

    expect(shares).toEqual([3, 2, 2]);
  });

  it.each([
    { batchIndex: -1, batchCount: 2, replicas: 4 },
    { batchIndex: 0, batchCount: 0, replicas: 4 },
    { batchIndex: 0, batchCount: 2, replicas: 1.5 },
  ])('refuses %o', (input) => {
    expect(() => batchShare(input)).toThrow(RangeError);
  });
});

describe('simulated readHealth', () => {
  it('reads an -unhealthy image as unhealthy once it is rolled out', async () => {
    const { driver } = aSimulatedDriver();
    const image = 'ghcr.io/x/api:v2-unhealthy';
    await driver.rollBatch(aBatch({ image, batchIndex: 2 }));

    const health = await driver.readHealth({
      providerResource: 'ecs/payments-api-prod',
      image,
    });

    expect(health.status).toBe('unhealthy');
    expect(health.score).toBeLessThan(40);
  });

  it('reads a normal image as healthy', async () => {
    const { driver } = aSimulatedDriver();

    const health = await driver.readHealth({
      providerResource: 'ecs/payments-api-prod',
      image: 'ghcr.io/apex-digital/payments-api:v2.4.1',
    });

    expect(health.status).toBe('healthy');
    expect(health.score).toBeGreaterThanOrEqual(95);
  });
});

describe('simulated collectUsage', () => {
  it('meters a day of a container service', async () => {
    const { driver } = aSimulatedDriver();

    const usage = await driver.collectUsage(aUsageRequest());

    expect(usage.records).toEqual([
      { metric: 'vcpu_hours', quantity: 72, unit: 'vCPU-hour' },
      { metric: 'memory_gb_hours', quantity: 144, unit: 'GB-hour' },
    ]);
  });

  it('gives the same records on every call', async () => {
    const { driver } = aSimulatedDriver();

    const first = await driver.collectUsage(aUsageRequest());
    const second = await driver.collectUsage(aUsageRequest());

    expect(second).toEqual(first);
  });

  it('refuses a type that does not match the resource', async () => {
    const { driver } = aSimulatedDriver();

    const usage = driver.collectUsage(aUsageRequest({ type: 'message_queue' }));

    await expect(usage).rejects.toThrow('is not a message_queue');
  });

  it('refuses an interval that ends before it starts', async () => {
    const { driver } = aSimulatedDriver();
    const request = aUsageRequest({
      from: '2026-04-02T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
    });

    await expect(driver.collectUsage(request)).rejects.toThrow(PermanentDriverError);
  });
});
