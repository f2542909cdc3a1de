import { describe, expect, it } from 'vitest';
import {
  costFieldsOf,
  forecastFemtos,
  withCost,
} from '../../../../functions/domain/costs/month-to-date.ts';

describe('forecastFemtos', () => {
  it('spreads the month to date linearly over the whole month', () => {
    const halfway = new Date('2026-04-16T00:00:00Z');

    expect(forecastFemtos(1_000n, halfway)).toBe(2_000n);
  });

  it('treats less than an hour of a month as one hour', () => {
    const start = new Date('2026-04-01T00:00:01Z');

    expect(forecastFemtos(1n, start)).toBe(720n);
  });

  it('forecasts nothing when nothing was spent', () => {
    expect(forecastFemtos(0n, new Date('2026-04-30T23:00:00Z'))).toBe(0n);
  });
});

describe('costFieldsOf', () => {
  const item = {
    id: 'ESTATE-26-000004',
    'cost_femtos_2026-04': 43_718_400_043_718_401n,
    'cost_femtos_2026-03': 5_000_000_000_000_000n,
  };

  it('shows the current month’s attribute of the item, with a forecast when asked', () => {
    const halfway = new Date('2026-04-16T00:00:00Z');

    expect(costFieldsOf(item, { now: halfway, forecast: true })).toEqual({
      cost_mtd: 43.72,
      cost_forecast: 87.44,
    });
    expect(costFieldsOf(item, { now: halfway })).toEqual({ cost_mtd: 43.72 });
  });

  it('forecasts no more than the month to date for an estate that is deprovisioned', () => {
    const halfway = new Date('2026-04-16T00:00:00Z');
    const gone = { ...item, status: 'deprovisioned' };
    const going = { ...item, status: 'deprovisioning' };

    expect(costFieldsOf(gone, { now: halfway, forecast: true })).toEqual({
      cost_mtd: 43.72,
      cost_forecast: 43.72,
    });
    expect(costFieldsOf(going, { now: halfway, forecast: true }).cost_forecast).toBe(
      87.44,
    );
  });

  it('starts a new month at zero, with nothing reset', () => {
    const nextMonth = new Date('2026-05-01T00:00:00Z');

    expect(costFieldsOf(item, { now: nextMonth, forecast: true })).toEqual({
      cost_mtd: 0,
      cost_forecast: 0,
    });
  });
});

describe('withCost', () => {
  it('puts cost_forecast right after cost_mtd', () => {
    const resource = withCost(
      { id: 'x', cost_mtd: 0, currency: 'USD' },
      { cost_mtd: 12.5, cost_forecast: 30 },
    );

    expect(Object.keys(resource)).toEqual([
      'id',
      'cost_mtd',
      'cost_forecast',
      'currency',
    ]);
    expect(resource.cost_mtd).toBe(12.5);
  });
});
