import { describe, expect, it } from 'vitest';
import { PermanentDriverError } from '../../../functions/drivers/errors.ts';
import { aNetwork, aSimulatedDriver } from './factories.ts';

const ESTATE = { estateId: 'ESTATE-26-000004', estateName: 'Payments Platform' };

describe('simulated provisionNetwork', () => {
  it('carves one subnet per zone from the VPC CIDR', async () => {
    const { driver } = aSimulatedDriver();

    const handle = await driver.provisionNetwork(aNetwork());

    expect(handle.subnets.map(({ zone, cidr }) => [zone, cidr])).toEqual([
      ['eu-west-1a', '10.0.0.0/18'],
      ['eu-west-1b', '10.0.64.0/18'],
      ['eu-west-1c', '10.0.128.0/18'],
    ]);
    expect(handle.networkId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(handle.subnets[0]?.subnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
  });

  it('takes the base time plus the per-zone time, scaled', async () => {
    const { driver } = aSimulatedDriver('aws', { timeScale: 0.5 });

    const handle = await driver.provisionNetwork(aNetwork());

    expect(handle.readyAt).toBe('2026-04-15T10:30:06.000Z');
  });

  it('returns the same handle for the same input at the same time', async () => {
    const { driver } = aSimulatedDriver('gcp');
    const input = aNetwork({ provider: 'gcp', zones: ['europe-west1-b'] });

    const [first, second] = await Promise.all([
      driver.provisionNetwork(input),
      driver.provisionNetwork(input),
    ]);

    expect(second).toEqual(first);
    expect(first.networkId).toMatch(/^network-[0-9a-f]{12}$/);
  });

  it('refuses a network for another provider', async () => {
    const { driver } = aSimulatedDriver('azure');

    const provision = driver.provisionNetwork(aNetwork({ provider: 'aws' }));

    await expect(provision).rejects.toThrow(PermanentDriverError);
  });

  it('refuses a VPC CIDR too small for its zones', async () => {
    const { driver } = aSimulatedDriver();

    const provision = driver.provisionNetwork(aNetwork({ vpcCidr: '10.0.0.0/27' }));

    await expect(provision).rejects.toMatchObject({
      name: 'PermanentDriverError',
      cause: expect.any(RangeError),
    });
  });
});

describe('simulated networkStatus', () => {
  it('reads pending until the clock passes readyAt, then ready', async () => {
    const { driver, clock } = aSimulatedDriver();
    const handle = await driver.provisionNetwork(aNetwork());
    const poll = () => driver.networkStatus({ ...ESTATE, ...handle });

    const before = await poll();
    clock.advance(11.999);
    const almost = await poll();
    clock.advance(0.001);
    const after = await poll();

    expect([before.state, almost.state, after.state]).toEqual([
      'pending',
      'pending',
      'ready',
    ]);
  });

  it('reads readiness from the handle alone, as another process would', async () => {
    const first = aSimulatedDriver();
    const second = aSimulatedDriver();
    const handle = await first.driver.provisionNetwork(aNetwork());

    second.clock.advance(60);
    const status = await second.driver.networkStatus({ ...ESTATE, ...handle });

    expect(status.state).toBe('ready');
  });

  it('refuses a handle whose readyAt is not an instant', async () => {
    const { driver } = aSimulatedDriver();
    const handle = {
      ...ESTATE,
      operationId: 'op-1',
      networkId: 'vpc-1',
      readyAt: 'soon',
    };

    await expect(driver.networkStatus(handle)).rejects.toThrow(PermanentDriverError);
  });
});

describe('simulated deprovisionNetwork', () => {
  it('finishes after the deprovision time', async () => {
    const { driver, clock } = aSimulatedDriver();
    const input = {
      ...ESTATE,
      provider: 'aws',
      region: 'eu-west-1',
      networkId: 'vpc-1',
    } as const;
    const handle = await driver.deprovisionNetwork(input);
    const poll = () => driver.deprovisionStatus({ ...ESTATE, ...handle });

    const before = await poll();
    clock.advance(5);
    const after = await poll();

    expect(handle.networkId).toBe('vpc-1');
    expect([before.state, after.state]).toEqual(['pending', 'deprovisioned']);
  });
});

describe('simulated failure injection', () => {
  it('fails provisioning transiently the configured number of times', async () => {
    const { driver } = aSimulatedDriver('aws', {
      failures: 'provisionNetwork:transient:2',
    });
    const attempt = () => driver.provisionNetwork(aNetwork());

    await expect(attempt()).rejects.toThrow('attempt 1 of 2');
    await expect(attempt()).rejects.toThrow('attempt 2 of 2');
    await expect(attempt()).resolves.toHaveProperty('networkId');
  });

  it('fails only the estate the subject names', async () => {
    const failures = 'networkStatus@Search:permanent';
    const { driver } = aSimulatedDriver('aws', { failures });
    const handle = await driver.provisionNetwork(aNetwork());
    const search = { estateId: 'ESTATE-26-000009', estateName: 'Search Platform' };

    const targeted = driver.networkStatus({ ...search, ...handle });
    const untouched = driver.networkStatus({ ...ESTATE, ...handle });

    await expect(targeted).rejects.toMatchObject({ name: 'PermanentDriverError' });
    await expect(untouched).resolves.toEqual({ state: 'pending' });
  });
});
