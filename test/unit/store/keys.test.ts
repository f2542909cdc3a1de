import { describe, expect, it } from 'vitest';
import * as keys from '../../../functions/store/keys.ts';

describe('keys', () => {
  it('prefixes every partition key with its entity so entities never collide', () => {
    const partitions = [
      keys.counter('ESTATE', '26').pk,
      keys.estate('ESTATE-26-000001').pk,
      keys.serviceLine('LIN-26-000001').pk,
      keys.workspaceEstates('WS-26-000001'),
      keys.environment('INFENV-26-000001').pk,
      keys.service('INFSVC-26-000001').pk,
      keys.idempotency('WS-26-000001', 'key-1').pk,
      keys.rateLimit('WS-26-000001', 1_775_000_000).pk,
      keys.workflowStart('provisioning', 'ESTATE-26-000001').pk,
    ];

    const prefixes = partitions.map((pk) => pk.split('#')[0]);
    expect(new Set(prefixes).size).toBe(partitions.length);
  });

  it('keeps events in their estate’s partition, sorted by time', () => {
    const early = keys.event('ESTATE-26-000001', '2026-01-01T00:00:00.000Z', 'evt_a');
    const late = keys.event('ESTATE-26-000001', '2026-01-02T00:00:00.000Z', 'evt_b');

    expect(early.pk).toBe(keys.estate('ESTATE-26-000001').pk);
    expect(early.sk < late.sk).toBe(true);
    expect(early.sk).not.toBe(keys.estate('ESTATE-26-000001').sk);
  });
});

describe('keys of environments and services', () => {
  it('keeps name claims beside their parent without touching its own item or events', () => {
    const estate = keys.estate('ESTATE-26-000001');
    const environment = keys.environment('INFENV-26-000001');

    const environmentName = keys.environmentName('ESTATE-26-000001', 'production');
    const serviceName = keys.serviceName('INFENV-26-000001', 'payments-api');

    expect(environmentName).toEqual({ pk: estate.pk, sk: 'ENVNAME#production' });
    expect(serviceName).toEqual({ pk: environment.pk, sk: 'SVCNAME#payments-api' });
    expect(environmentName.sk.startsWith('EVENT#')).toBe(false);
  });

  it('gives every gsi1 list a partition of its own', () => {
    const partitions = [
      keys.workspaceEstates('WS-26-000001'),
      keys.estateEnvironments('ESTATE-26-000001'),
      keys.environmentServices('INFENV-26-000001'),
      keys.environmentCosts('INFENV-26-000001'),
    ];

    expect(keys.environmentByEstate('ESTATE-26-000001', 'INFENV-26-000002').gsi1pk).toBe(
      partitions[1],
    );
    expect(keys.serviceByEnvironment('INFENV-26-000001', 'INFSVC-26-000002').gsi1pk).toBe(
      partitions[2],
    );
    expect(
      keys.costDayByEnvironment(
        'INFENV-26-000001',
        '2026-04-15',
        'INFSVC-26-000002',
        'vcpu_hours',
      ).gsi1pk,
    ).toBe(partitions[3]);
    expect(new Set(partitions).size).toBe(partitions.length);
  });
});
