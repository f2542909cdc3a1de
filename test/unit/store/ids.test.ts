import { describe, expect, it } from 'vitest';
import { buildNextSequence, formatId, idYear } from '../../../functions/store/ids.ts';

describe('formatId', () => {
  it('formats the spec’s form with a two-digit UTC year', () => {
    expect(formatId('ESTATE', idYear(new Date('2026-12-31T23:59:59Z')), 4)).toBe(
      'ESTATE-26-000004',
    );
    expect(idYear(new Date('2030-01-01T00:00:00Z'))).toBe('30');
  });

  it('grows wider past six digits instead of wrapping', () => {
    expect(formatId('DEPLOY', '26', 1_000_000)).toBe('DEPLOY-26-1000000');
  });
});

describe('buildNextSequence', () => {
  it('builds one atomic ADD on the prefix’s counter for the year', () => {
    const params = buildNextSequence('LIN', '26');

    expect(params.Key).toEqual({ pk: 'COUNTER#LIN#26', sk: 'COUNTER' });
    expect(params.UpdateExpression).toContain('ADD #value :one');
    expect(params.ReturnValues).toBe('UPDATED_NEW');
  });
});
