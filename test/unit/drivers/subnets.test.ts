import { describe, expect, it } from 'vitest';
import { MAX_SUBNET_PREFIX, splitCidr } from '../../../functions/drivers/subnets.ts';

describe('splitCidr', () => {
  it.each([
    ['10.0.0.0/16', 1, ['10.0.0.0/16']],
    ['10.0.0.0/16', 2, ['10.0.0.0/17', '10.0.128.0/17']],
    ['10.0.0.0/16', 3, ['10.0.0.0/18', '10.0.64.0/18', '10.0.128.0/18']],
    [
      '172.16.0.0/20',
      4,
      ['172.16.0.0/22', '172.16.4.0/22', '172.16.8.0/22', '172.16.12.0/22'],
    ],
    ['192.168.10.0/24', 6, ['192.168.10.0/27', '192.168.10.32/27', '192.168.10.64/27']],
  ])('splits %s into %i subnets', (cidr, count, expected) => {
    const subnets = splitCidr(cidr, count);

    expect(subnets).toHaveLength(count);
    expect(subnets.slice(0, expected.length)).toEqual(expected);
  });

  it.each([1, 2, 3, 4, 5, 6])('carves %i disjoint subnets inside the block', (count) => {
    const [vpcStart, vpcEnd] = range('10.20.0.0/16');

    const ranges = splitCidr('10.20.0.0/16', count).map(range);

    expect(ranges.every(([start, end]) => start >= vpcStart && end <= vpcEnd)).toBe(true);
    expect(
      ranges.every(([start], i) => i === 0 || start > (ranges[i - 1]?.[1] ?? 0)),
    ).toBe(true);
  });

  it('throws when the subnets would be smaller than the minimum', () => {
    const split = () => splitCidr('10.0.0.0/26', 5);

    expect(split).toThrow(RangeError);
    expect(split).toThrow(`each would be a /29, smaller than the /${MAX_SUBNET_PREFIX}`);
  });

  it('allows subnets of exactly the minimum size', () => {
    const subnets = splitCidr('10.0.0.0/26', 4);

    expect(subnets.at(-1)).toBe('10.0.0.48/28');
  });

  it.each(['10.0.0.0', '10.0.0.256/16', '10.00.0.0/16', '10.0.0.0/33', 'vpc'])(
    'throws for the malformed block %s',
    (cidr) => {
      expect(() => splitCidr(cidr, 2)).toThrow('is not an IPv4 CIDR block');
    },
  );

  it('throws when host bits are set', () => {
    expect(() => splitCidr('10.0.0.1/16', 2)).toThrow('has host bits set');
  });

  it.each([0, -1, 1.5])('throws for a zone count of %s', (count) => {
    expect(() => splitCidr('10.0.0.0/16', count)).toThrow(RangeError);
  });
});

function range(cidr: string): [number, number] {
  const [address = '', prefix = ''] = cidr.split('/');
  const base = address
    .split('.')
    .reduce((value, octet) => value * 256 + Number(octet), 0);
  return [base, base + 2 ** (32 - Number(prefix)) - 1];
}
