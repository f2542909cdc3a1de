import { describe, expect, it } from 'vitest';
import { allocateId } from '../../../functions/store/ids.ts';
import { useTable } from '../../support/table.ts';

useTable();

describe('allocateId', () => {
  it('hands out 200 distinct, gap-free IDs under concurrency', async () => {
    const now = new Date('2026-03-01T00:00:00Z');

    const ids = await Promise.all(
      Array.from({ length: 200 }, () => allocateId('INFSVC', now)),
    );

    const numbers = ids.map((id) => Number(id.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(ids).size).toBe(200);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(ids.every((id) => /^INFSVC-26-\d{6}$/.test(id))).toBe(true);
  });

  it('keeps a counter per year', async () => {
    const id = await allocateId('DEPLOY', new Date('2027-01-01T00:00:00Z'));

    expect(id).toBe('DEPLOY-27-000001');
  });
});
