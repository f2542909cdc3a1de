import { describe, expect, it } from 'vitest';
import { estateFacts } from '../../../../functions/domain/policies/evaluate-policies.ts';
import { estate } from './factories.ts';

const NOW = new Date('2026-04-15T10:30:00.000Z');

describe('estateFacts', () => {
  it('takes the month to date from the current month’s cost on the estate’s item', () => {
    const item = {
      ...estate,
      'cost_femtos_2026-04': 6_000_000_000_000_000_400_000_000n,
      'cost_femtos_2026-03': 9_000_000_000_000_000_000_000_000n,
    };

    expect(estateFacts(item, NOW).cost_mtd_micros).toBe(6_000_000_000_000_000);
  });

  it('counts a month nothing was metered in as zero', () => {
    expect(estateFacts(estate, NOW).cost_mtd_micros).toBe(0);
  });
});
