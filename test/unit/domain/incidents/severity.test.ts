import { describe, expect, it } from 'vitest';
import { severityOf } from '../../../../functions/domain/incidents/severity.ts';

describe('severityOf', () => {
  it.each([
    ['service_unhealthy', 'production', 'critical'],
    ['service_unhealthy', 'staging', 'high'],
    ['service_unhealthy', 'development', 'medium'],
    ['deployment_failed', 'production', 'critical'],
    ['deployment_rolled_back', 'production', 'high'],
    ['deployment_rolled_back', 'staging', 'medium'],
    ['deployment_rolled_back', 'preview', 'low'],
  ] as const)('rates %s in %s as %s', (failure, environment, severity) => {
    expect(severityOf(failure, environment)).toBe(severity);
  });

  it('rates a failed estate high, whatever its environments', () => {
    expect(severityOf('estate_failed', null)).toBe('high');
  });

  it('never rates below low', () => {
    expect(severityOf('deployment_rolled_back', 'development')).toBe('low');
  });
});
