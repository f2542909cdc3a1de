import { describe, expect, it } from 'vitest';
import { DriverConfigError } from '../../../functions/drivers/errors.ts';
import { createRegistry, driverFor } from '../../../functions/drivers/registry.ts';

describe('createRegistry', () => {
  it('gives every provider the simulated driver by default', () => {
    const registry = createRegistry({});

    const drivers = (['aws', 'gcp', 'azure'] as const).map(registry.driverFor);

    expect(drivers.map((driver) => [driver.provider, driver.implementation])).toEqual([
      ['aws', 'simulated'],
      ['gcp', 'simulated'],
      ['azure', 'simulated'],
    ]);
  });

  it('accepts simulated set explicitly', () => {
    const registry = createRegistry({ DRIVER_GCP: 'simulated' });

    expect(registry.driverFor('gcp').implementation).toBe('simulated');
  });

  it.each([
    ['DRIVER_AWS', 'aws'],
    ['DRIVER_GCP', 'gcp'],
    ['DRIVER_AZURE', 'azure'],
  ])('refuses %s=%s: the real driver is not in this build', (name, value) => {
    const create = () => createRegistry({ [name]: value });

    expect(create).toThrow(DriverConfigError);
    expect(create).toThrow(`the real ${value} driver is not available in this build`);
  });

  it('refuses a driver of another provider', () => {
    const create = () => createRegistry({ DRIVER_AZURE: 'aws' });

    expect(create).toThrow('DRIVER_AZURE must be simulated or azure; got "aws"');
  });

  it('refuses a bad simulator setting as it starts', () => {
    const create = () => createRegistry({ SIM_FAILURES: 'rollBatch:sometimes' });

    expect(create).toThrow('unknown mode "sometimes"');
  });

  it('hands out the same driver for a provider every time', () => {
    const registry = createRegistry({});

    expect(registry.driverFor('aws')).toBe(registry.driverFor('aws'));
  });
});

describe('driverFor', () => {
  it('serves the driver configured for this process', () => {
    expect(driverFor('azure').provider).toBe('azure');
  });
});
