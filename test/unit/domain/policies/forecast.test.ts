import { describe, expect, it } from 'vitest';
import { forecastMicros } from '../../../../functions/domain/policies/checks/budget.ts';
import { repositoryOf } from '../../../../functions/domain/policies/checks/registry.ts';

describe('forecastMicros', () => {
  it('projects month-to-date spend linearly to the end of the month', () => {
    const forecast = forecastMicros(1_500_000_000, new Date('2026-04-16T00:00:00Z'));

    expect(forecast).toBe(3_000_000_000);
  });

  it('counts at least one day elapsed early in a month', () => {
    const forecast = forecastMicros(1_000_000, new Date('2026-04-01T00:10:00Z'));

    expect(forecast).toBe(30_000_000);
  });
});

describe('repositoryOf', () => {
  it('drops the tag or digest and spells out Docker Hub', () => {
    const named = repositoryOf('ghcr.io/apex-digital/payments-api:v2.4.1');
    const official = repositoryOf('nginx:1.27');
    const user = repositoryOf(`someone/tool@sha256:${'a'.repeat(64)}`);
    const port = repositoryOf('localhost:5000/app:v1');

    expect([named, official, user, port]).toEqual([
      'ghcr.io/apex-digital/payments-api',
      'docker.io/library/nginx',
      'docker.io/someone/tool',
      'localhost:5000/app',
    ]);
  });
});
