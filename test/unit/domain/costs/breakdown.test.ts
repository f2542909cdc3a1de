import { describe, expect, it } from 'vitest';
import { buildBreakdown } from '../../../../functions/domain/costs/breakdown.ts';
import { labelOf } from '../../../../functions/domain/costs/cost-report.ts';
import type { DayRollup } from '../../../../functions/store/cost-rollups.ts';

/** A dollar is 10^15 femto-dollars. */
const DOLLAR = 1_000_000_000_000_000n;

const rollup = (overrides: Partial<DayRollup> = {}): DayRollup => ({
  day: '2026-04-01',
  workspace_id: 'WS-26-000021',
  environment_id: 'INFENV-26-000011',
  service_id: 'INFSVC-26-000041',
  environment_name: 'production',
  service_name: 'payments-api',
  metric: 'vcpu_hours',
  cost_femtos: DOLLAR,
  ...overrides,
});

const byEnvironment = (rollups: readonly DayRollup[]) =>
  buildBreakdown(rollups, 'environment', labelOf('environment', 'estate'));

describe('buildBreakdown', () => {
  it('labels a group with the name on its latest day', () => {
    const rollups = [
      rollup({ day: '2026-04-01', environment_name: 'prod' }),
      rollup({ day: '2026-04-03', environment_name: 'production' }),
      rollup({ day: '2026-04-02', environment_name: 'prod' }),
    ];

    const report = byEnvironment(rollups);

    expect(report.breakdown).toEqual([{ group: 'production', cost: 3, percent: 100 }]);
  });

  it('keeps two environments apart even when they carry the same name', () => {
    const rollups = [
      rollup({ environment_id: 'INFENV-26-000011', environment_name: 'staging' }),
      rollup({ environment_id: 'INFENV-26-000012', environment_name: 'staging' }),
    ];

    const report = byEnvironment(rollups);

    expect(report.breakdown.map((line) => line.group)).toEqual(['staging', 'staging']);
  });
});

describe('labelOf', () => {
  it('names a service of an estate with its environment', () => {
    expect(labelOf('service', 'estate')(rollup())).toBe('production/payments-api');
  });

  it('names a service of one environment by itself', () => {
    expect(labelOf('service', 'environment')(rollup())).toBe('payments-api');
  });

  it('falls back to the IDs on a rollup without names', () => {
    const unnamed = rollup({ environment_name: undefined, service_name: undefined });

    expect(labelOf('service', 'estate')(unnamed)).toBe(
      'INFENV-26-000011/INFSVC-26-000041',
    );
  });

  it('labels days and metrics by themselves', () => {
    expect(labelOf('day', 'estate')(rollup())).toBe('2026-04-01');
    expect(labelOf('metric', 'environment')(rollup())).toBe('vcpu_hours');
  });
});
