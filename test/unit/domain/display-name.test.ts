import { describe, expect, it } from 'vitest';
import { DisplayName } from '../../../functions/domain/fields.ts';

describe('DisplayName', () => {
  it.each([
    ['a lone surrogate', 'ab\ud800cd'],
    ['a right-to-left override', 'pay\u202Ements'],
    ['a zero-width space', 'pay\u200Bments'],
    ['a control character', 'pay\u0007ments'],
  ])('refuses %s', (_case, name) => {
    expect(DisplayName.safeParse(name).success).toBe(false);
  });

  it('keeps ordinary names in any script', () => {
    expect(DisplayName.parse('  Zahlungen — Plattform Ü 支付  ')).toBe(
      'Zahlungen — Plattform Ü 支付',
    );
  });
});
