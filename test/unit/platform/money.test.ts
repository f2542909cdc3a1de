import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountToCents,
  apportion,
  breakdownCents,
  costFemtos,
  FEMTOS_PER_CENT,
  femtosToAmount,
  femtosToCents,
  percents,
  toMicros,
} from '../../../functions/platform/money.ts';

const sum = (values: readonly bigint[]) => values.reduce((acc, value) => acc + value, 0n);
const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 24n }), {
  minLength: 1,
  maxLength: 30,
});

describe('toMicros', () => {
  it('scales quantities of up to six decimals to integers exactly', () => {
    expect(toMicros(0.1)).toBe(100_000n);
    expect(toMicros(1.000001)).toBe(1_000_001n);
    expect(toMicros(999_999_999.999999)).toBe(999_999_999_999_999n);
  });

  it('refuses a seventh decimal, negatives and quantities past the ceiling', () => {
    expect(() => toMicros(0.0000001)).toThrow(RangeError);
    expect(() => toMicros(-1)).toThrow(RangeError);
    expect(() => toMicros(1_000_000_001)).toThrow(RangeError);
  });
});

describe('femtosToCents', () => {
  it('rounds half up to the cent', () => {
    expect(femtosToCents(FEMTOS_PER_CENT / 2n)).toBe(1n);
    expect(femtosToCents(FEMTOS_PER_CENT / 2n - 1n)).toBe(0n);
    expect(femtosToAmount(FEMTOS_PER_CENT * 482_000n)).toBe(4820);
  });
});

describe('amountToCents', () => {
  it('takes at most two decimals', () => {
    expect(amountToCents(4820.05)).toBe(482_005n);
    expect(() => amountToCents(1.005)).toThrow(RangeError);
  });
});

describe('costs', () => {
  it('keeps sums of many small prices exact', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            micros: fc.bigInt({ min: 0n, max: 10n ** 15n }),
            nanos: fc.bigInt({ min: 0n, max: 10n ** 6n }),
          }),
          { maxLength: 200 },
        ),
        (records) => {
          const total = sum(records.map((r) => costFemtos(r.micros, r.nanos)));
          const byUnit = new Map<bigint, bigint>();
          for (const r of records)
            byUnit.set(r.nanos, (byUnit.get(r.nanos) ?? 0n) + r.micros);
          const regrouped = sum([...byUnit].map(([nanos, micros]) => micros * nanos));

          expect(total).toBe(regrouped);
        },
      ),
    );
  });

  it('adds a million requests at 200 nano-dollars to exactly 0.20', () => {
    let total = 0n;
    for (let i = 0; i < 1_000_000; i += 1) total += costFemtos(toMicros(1), 200n);

    expect(femtosToAmount(total)).toBe(0.2);
  });
});

describe('apportion', () => {
  it('always shares out exactly the total', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), weights, (total, parts) => {
        const shares = apportion(total, parts);

        expect(sum(shares)).toBe(sum(parts) === 0n ? 0n : total);
      }),
    );
  });

  it('keeps every share within one unit of its exact share', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), weights, (total, parts) => {
        const whole = sum(parts);
        fc.pre(whole > 0n);

        apportion(total, parts).forEach((share, index) => {
          const exactFloor = (total * (parts[index] ?? 0n)) / whole;
          expect(share - exactFloor).toBeGreaterThanOrEqual(0n);
          expect(share - exactFloor).toBeLessThanOrEqual(1n);
        });
      }),
    );
  });
});

describe('percents', () => {
  it('always totals exactly 100.0 when something was spent', () => {
    fc.assert(
      fc.property(weights, (parts) => {
        fc.pre(sum(parts) > 0n);

        const tenths = percents(parts).map((percent) => Math.round(percent * 10));

        expect(tenths.reduce((a, b) => a + b, 0)).toBe(1000);
      }),
    );
  });

  it('gives zeros, not NaN, for a zero total', () => {
    expect(percents([0n, 0n])).toEqual([0, 0]);
  });

  it('matches the spec example: 67.2 / 20.3 / 12.5', () => {
    const cent = FEMTOS_PER_CENT;

    const shares = percents([324_000n * cent, 98_000n * cent, 60_000n * cent]);

    expect(shares).toEqual([67.2, 20.3, 12.5]);
  });
});

describe('breakdownCents', () => {
  it('makes the parts add up to the rounded total', () => {
    fc.assert(
      fc.property(weights, (parts) => {
        const { total, shares } = breakdownCents(parts);

        expect(sum(shares)).toBe(sum(parts) === 0n ? 0n : total);
      }),
    );
  });

  it('rounds three thirds of a cent to one cent in all', () => {
    const third = FEMTOS_PER_CENT / 3n;

    const { total, shares } = breakdownCents([third, third, third + 1n]);

    expect(total).toBe(1n);
    expect(shares).toEqual([0n, 0n, 1n]);
  });
});
