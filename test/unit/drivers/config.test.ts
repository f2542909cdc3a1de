import { describe, expect, it } from 'vitest';
import { loadSimulatedConfig } from '../../../functions/drivers/config.ts';
import { DriverConfigError } from '../../../functions/drivers/errors.ts';

describe('loadSimulatedConfig', () => {
  it('uses realistic defaults when nothing is set', () => {
    const config = loadSimulatedConfig({});

    expect(config).toEqual({
      timeScale: 1,
      networkSeconds: 6,
      networkZoneSeconds: 2,
      deprovisionSeconds: 5,
      batchSeconds: 3,
      failures: [],
    });
  });

  it('reads every variable', () => {
    const env = {
      SIM_TIME_SCALE: '0.01',
      SIM_NETWORK_SECONDS: '10',
      SIM_NETWORK_ZONE_SECONDS: '0',
      SIM_DEPROVISION_SECONDS: '1.5',
      SIM_BATCH_SECONDS: ' 2 ',
      SIM_FAILURES: 'rollBatch:permanent',
    };

    const config = loadSimulatedConfig(env);

    expect(config).toMatchObject({
      timeScale: 0.01,
      networkSeconds: 10,
      networkZoneSeconds: 0,
      deprovisionSeconds: 1.5,
      batchSeconds: 2,
    });
    expect(config.failures).toHaveLength(1);
  });

  it('treats an empty variable as unset', () => {
    const config = loadSimulatedConfig({ SIM_TIME_SCALE: '' });

    expect(config.timeScale).toBe(1);
  });

  it.each([
    ['SIM_TIME_SCALE', 'fast', 'SIM_TIME_SCALE must be a decimal number'],
    ['SIM_TIME_SCALE', '-1', 'got "-1"'],
    ['SIM_TIME_SCALE', '0.0', 'SIM_TIME_SCALE must be greater than 0'],
    ['SIM_BATCH_SECONDS', '3s', 'SIM_BATCH_SECONDS must be a decimal number'],
    ['SIM_FAILURES', 'deploy:transient', 'unknown operation "deploy"'],
  ])('refuses %s=%s', (name, value, message) => {
    const load = () => loadSimulatedConfig({ [name]: value });

    expect(load).toThrow(DriverConfigError);
    expect(load).toThrow(message);
  });
});
