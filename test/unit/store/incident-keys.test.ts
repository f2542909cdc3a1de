import { describe, expect, it } from 'vitest';
import * as keys from '../../../functions/store/keys.ts';

describe('keys of incidents and health', () => {
  it('gives incidents, their dedupe items and the roster partitions of their own', () => {
    const partitions = [
      keys.incident('INFINC-26-000001').pk,
      keys.incidentCause('INFSVC-26-000001', 'service_unhealthy').pk,
      keys.incidentEvent('evt_1').pk,
      keys.healthRoster(0, 'ESTATE-26-000001').pk,
      keys.estate('ESTATE-26-000001').pk,
      keys.service('INFSVC-26-000001').pk,
    ];

    const prefixes = partitions.map((pk) => pk.split('#')[0]);

    expect(new Set(prefixes).size).toBe(partitions.length);
  });

  it('lists incidents under their estate in opening order, apart from its other lists', () => {
    const early = keys.incidentIndexes(
      'ESTATE-26-000001',
      '2026-04-15T10:00:00Z',
      'INFINC-26-000002',
    );
    const late = keys.incidentIndexes(
      'ESTATE-26-000001',
      '2026-04-15T11:00:00Z',
      'INFINC-26-000001',
    );

    expect(early.gsi1pk).toBe(keys.estateIncidents('ESTATE-26-000001'));
    expect(early.gsi2pk).toBe(keys.estateOpenIncidents('ESTATE-26-000001'));
    expect(early.gsi1sk < late.gsi1sk).toBe(true);
    expect(early.gsi1pk).not.toBe(keys.estateEnvironments('ESTATE-26-000001'));
  });

  it('keeps one cause item per resource and cause', () => {
    const unhealthy = keys.incidentCause('INFSVC-26-000001', 'service_unhealthy');
    const failed = keys.incidentCause('INFSVC-26-000001', 'deployment_failed');

    expect(unhealthy.pk).not.toBe(failed.pk);
  });
});
