import { describe, expect, it } from 'vitest';
import * as keys from '../../../functions/store/keys.ts';
import {
  aggregateSubjectCosts,
  buildAddSubjectCosts,
  monthCostAttribute,
  monthCostOf,
  subjectKey,
} from '../../../functions/store/month-costs.ts';
import { pricedUsage } from '../../support/priced-usage.ts';

describe('monthCostAttribute', () => {
  it('names one attribute per UTC month', () => {
    expect(monthCostAttribute('2026-12')).toBe('cost_femtos_2026-12');
    expect(monthCostAttribute('2027-01')).not.toBe(monthCostAttribute('2026-12'));
  });

  it('refuses anything but a YYYY-MM month', () => {
    expect(() => monthCostAttribute('2026-12-01')).toThrow(/not a month/);
  });
});

describe('monthCostOf', () => {
  it('reads the month’s attribute as a bigint, whichever way it was read', () => {
    const item = {
      'cost_femtos_2026-04': 43_718_400_043_718_401n,
      'cost_femtos_2026-03': 12,
    };

    expect(monthCostOf(item, '2026-04')).toBe(43_718_400_043_718_401n);
    expect(monthCostOf(item, '2026-03')).toBe(12n);
  });

  it('reads a month nothing was spent in as zero', () => {
    expect(monthCostOf({ id: 'ESTATE-26-000004' }, '2026-05')).toBe(0n);
  });
});

describe('subjectKey', () => {
  it('points at the subject’s own item', () => {
    expect(subjectKey({ kind: 'estate', id: 'ESTATE-26-000004' })).toEqual(
      keys.estate('ESTATE-26-000004'),
    );
    expect(subjectKey({ kind: 'environment', id: 'INFENV-26-000011' })).toEqual(
      keys.environment('INFENV-26-000011'),
    );
    expect(subjectKey({ kind: 'service', id: 'INFSVC-26-000041' })).toEqual(
      keys.service('INFSVC-26-000041'),
    );
  });
});

describe('aggregateSubjectCosts', () => {
  it('adds a batch up per subject and month, so each item is updated once', () => {
    const records = [
      pricedUsage({ cost_femtos: 5n }),
      pricedUsage({ record_id: 'rec-2', cost_femtos: 7n }),
      pricedUsage({ record_id: 'rec-3', cost_femtos: 11n, month: '2026-03' }),
      pricedUsage({
        record_id: 'rec-4',
        cost_femtos: 13n,
        service_id: 'INFSVC-26-000042',
      }),
    ];

    const costs = aggregateSubjectCosts(records);

    expect(
      costs.map((c) => [c.subject.kind, c.subject.id, Object.fromEntries(c.months)]),
    ).toEqual([
      ['estate', 'ESTATE-26-000004', { '2026-04': 25n, '2026-03': 11n }],
      ['environment', 'INFENV-26-000011', { '2026-04': 25n, '2026-03': 11n }],
      ['service', 'INFSVC-26-000041', { '2026-04': 12n, '2026-03': 11n }],
      ['service', 'INFSVC-26-000042', { '2026-04': 13n }],
    ]);
  });
});

describe('buildAddSubjectCosts', () => {
  it('adds to each month’s attribute, only while the item exists', () => {
    const update = buildAddSubjectCosts({
      subject: { kind: 'service', id: 'INFSVC-26-000041' },
      months: new Map([
        ['2026-04', 25n],
        ['2026-03', 11n],
      ]),
    });

    expect(update).toMatchObject({
      Key: keys.service('INFSVC-26-000041'),
      UpdateExpression: 'ADD #m0 :m0, #m1 :m1',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: {
        '#m0': 'cost_femtos_2026-04',
        '#m1': 'cost_femtos_2026-03',
      },
      ExpressionAttributeValues: { ':m0': 25n, ':m1': 11n },
    });
  });

  it('changes neither version nor updated_at, so the ETag stays', () => {
    const update = buildAddSubjectCosts({
      subject: { kind: 'estate', id: 'ESTATE-26-000004' },
      months: new Map([['2026-04', 1n]]),
    });

    expect(Object.values(update.ExpressionAttributeNames)).toEqual([
      'cost_femtos_2026-04',
    ]);
  });
});
