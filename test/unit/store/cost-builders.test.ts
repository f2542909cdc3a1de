import { describe, expect, it } from 'vitest';
import type { PricedUsage } from '../../../functions/domain/costs/usage.ts';
import { buildQueryDays } from '../../../functions/store/cost-rollups.ts';
import {
  aggregateRollups,
  buildAddRollup,
  rollupsOf,
} from '../../../functions/store/usage-items.ts';
import { pricedUsage } from '../../support/priced-usage.ts';

const priced = (overrides: Partial<PricedUsage> = {}): PricedUsage =>
  pricedUsage({
    service_line_id: null,
    unit_price_nanos: 40_480_000n,
    cost_femtos: 80_960_000_000_000n,
    ...overrides,
  });

describe('rollupsOf', () => {
  it('gives the day rollup its owner, its names and its environment’s gsi1 entry', () => {
    const [day] = rollupsOf(priced());

    expect(day?.key).toEqual({
      pk: 'COSTS#ESTATE-26-000004',
      sk: 'DAY#2026-04-15#INFENV-26-000011#INFSVC-26-000041#vcpu_hours',
    });
    expect(day?.attributes).toMatchObject({
      gsi1pk: 'ENVIRONMENT#INFENV-26-000011#COSTS',
      gsi1sk: 'DAY#2026-04-15#INFSVC-26-000041#vcpu_hours',
      workspace_id: 'WS-26-000021',
      environment_name: 'production',
      service_name: 'payments-api',
    });
  });

  it('is the only rollup of a record: month totals live on the subjects’ own items', () => {
    expect(rollupsOf(priced())).toHaveLength(1);
  });
});

describe('buildAddRollup', () => {
  it('sets the names in the same update that adds the cost', () => {
    const [day] = aggregateRollups([priced(), priced({ record_id: 'rec-2' })]);
    if (!day) throw new Error('no day rollup');

    const update = buildAddRollup(day);

    expect(update.UpdateExpression).toMatch(/^SET .+ ADD #cost :cost, /);
    const set = (name: string) => {
      const alias = Object.entries(update.ExpressionAttributeNames).find(
        ([, attribute]) => attribute === name,
      )?.[0];
      return update.ExpressionAttributeValues[`:${alias?.slice(1)}`];
    };
    expect(set('environment_name')).toBe('production');
    expect(set('service_name')).toBe('payments-api');
    expect(set('workspace_id')).toBe('WS-26-000021');
    expect(update.ExpressionAttributeValues[':cost']).toBe(161_920_000_000_000n);
  });
});

describe('buildQueryDays', () => {
  it('reads an estate’s day rollups from its cost partition', () => {
    const query = buildQueryDays(
      { kind: 'estate', id: 'ESTATE-26-000004' },
      '2026-04-01',
      '2026-04-15',
    );

    expect(query.IndexName).toBeUndefined();
    expect(query.KeyConditionExpression).toBe('pk = :pk AND sk BETWEEN :from AND :to');
    expect(query.ExpressionAttributeValues).toEqual({
      ':pk': 'COSTS#ESTATE-26-000004',
      ':from': 'DAY#2026-04-01',
      ':to': 'DAY#2026-04-15#\uffff',
    });
    expect(query.FilterExpression).toBeUndefined();
  });

  it('reads an environment’s day rollups from gsi1, with no filter', () => {
    const query = buildQueryDays(
      { kind: 'environment', id: 'INFENV-26-000011' },
      '2026-04-01',
      '2026-04-15',
    );

    expect(query.IndexName).toBe('gsi1');
    expect(query.KeyConditionExpression).toBe(
      'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    );
    expect(query.ExpressionAttributeValues?.[':pk']).toBe(
      'ENVIRONMENT#INFENV-26-000011#COSTS',
    );
    expect(query.FilterExpression).toBeUndefined();
  });

  it('projects the owner and the names beside the numbers', () => {
    const query = buildQueryDays(
      { kind: 'estate', id: 'ESTATE-26-000004' },
      '2026-04-01',
      '2026-04-01',
    );

    expect(query.ProjectionExpression?.split(/,\s*/)).toEqual(
      expect.arrayContaining([
        'workspace_id',
        'environment_name',
        'service_name',
        'cost_femtos',
      ]),
    );
  });
});
