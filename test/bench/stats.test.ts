import { describe, expect, it } from 'vitest';
import { median, percentile, round } from '../../bench/stats.ts';

describe('percentile', () => {
  it('interpolates between the two nearest samples', () => {
    const samples = [40, 10, 30, 20];

    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);

    expect(p50).toBe(25);
    expect(p99).toBeCloseTo(39.7);
  });

  it('returns the extremes at 0 and 100', () => {
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it('refuses no samples and percentiles outside 0–100', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 101)).toThrow('outside');
  });
});

describe('median', () => {
  it('is the middle sample of an odd count', () => {
    expect(median([5, 1, 9])).toBe(5);
  });
});

describe('round', () => {
  it('keeps three significant digits', () => {
    expect(round(123456)).toBe(123456);
    expect(round(1.23456)).toBe(1.23);
    expect(round(0.0123456)).toBe(0.0123);
  });
});
