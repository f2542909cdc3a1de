import { describe, expect, it } from 'vitest';
import {
  intervalHours,
  meterUsage,
  USAGE_DEFAULTS,
} from '../../../functions/drivers/usage.ts';

describe('meterUsage', () => {
  it('meters a container service in vCPU-hours and memory GB-hours per replica', () => {
    const config = { cpu: 0.5, memory_mb: 1536, replicas: 3 };

    const records = meterUsage('container_service', config, 24);

    expect(records).toEqual([
      { metric: 'vcpu_hours', quantity: 36, unit: 'vCPU-hour' },
      { metric: 'memory_gb_hours', quantity: 108, unit: 'GB-hour' },
    ]);
  });

  it('meters a serverless function in requests and GB-seconds', () => {
    const config = { memory_mb: 512, requests_per_hour: 1000, duration_ms: 200 };

    const records = meterUsage('serverless_function', config, 1.5);

    expect(records).toEqual([
      { metric: 'requests', quantity: 1500, unit: 'request' },
      { metric: 'compute_gb_seconds', quantity: 150, unit: 'GB-second' },
    ]);
  });

  it('meters a managed database in instance-hours and storage GB-hours', () => {
    const config = { instances: 2, storage_gb: 100 };

    const records = meterUsage('managed_database', config, 10);

    expect(records).toEqual([
      { metric: 'instance_hours', quantity: 20, unit: 'hour' },
      { metric: 'storage_gb_hours', quantity: 1000, unit: 'GB-hour' },
    ]);
  });

  it('meters a message queue in whole requests', () => {
    const records = meterUsage('message_queue', { requests_per_hour: 100 }, 0.255);

    expect(records).toEqual([{ metric: 'requests', quantity: 25, unit: 'request' }]);
  });

  it('uses the default size for fields the config leaves out', () => {
    const records = meterUsage('container_service', {}, 1);

    expect(records[0]?.quantity).toBe(USAGE_DEFAULTS.cpu * USAGE_DEFAULTS.replicas);
  });

  it('rounds quantities to six decimals', () => {
    const records = meterUsage('container_service', { cpu: 0.1, replicas: 3 }, 1);

    expect(records[0]?.quantity).toBe(0.3);
  });

  it('gives the same records for the same input', () => {
    const meter = () => meterUsage('serverless_function', { memory_mb: 256 }, 7);

    expect(meter()).toEqual(meter());
  });
});

describe('intervalHours', () => {
  it('counts the hours between two instants', () => {
    expect(intervalHours('2026-04-01T00:00:00Z', '2026-04-01T01:30:00Z')).toBe(1.5);
  });

  it('throws for an interval that ends before it starts', () => {
    const hours = () => intervalHours('2026-04-02T00:00:00Z', '2026-04-01T00:00:00Z');

    expect(hours).toThrow('ends before it starts');
  });

  it('throws for a value that is not an instant', () => {
    expect(() => intervalHours('yesterday', '2026-04-01T00:00:00Z')).toThrow(RangeError);
  });
});
