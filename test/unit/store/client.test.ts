import { describe, expect, it } from 'vitest';
import { exactNumber } from '../../../functions/store/client.ts';

describe('exactNumber', () => {
  it('reads an integer past 2^53 − 1 as the exact bigint', () => {
    expect(exactNumber('9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(exactNumber('-43718400043718401')).toBe(-43_718_400_043_718_401n);
  });

  it('reads every other number as a number', () => {
    expect(exactNumber('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(exactNumber('42')).toBe(42);
    expect(exactNumber('0.99')).toBe(0.99);
  });
});
