import { describe, expect, it } from 'vitest';
import { checkVpcCidr } from '../../../functions/domain/estates/cidr.ts';

describe('checkVpcCidr', () => {
  it.each([
    ['10.0.0.0/16', null],
    ['172.16.0.0/16', null],
    ['192.168.0.0/24', null],
    ['100.64.0.0/16', null],
    ['10.0.0.1/16', 'host_bits_set'],
    ['8.8.0.0/16', 'not_private'],
    ['172.32.0.0/16', 'not_private'],
    ['10.0.0.0/8', 'prefix_out_of_range'],
    ['10.0.0.0/28', 'prefix_out_of_range'],
    ['10.0.0.0', 'malformed'],
    ['10.0.0.256/16', 'malformed'],
    ['10.00.0.0/16', 'malformed'],
    ['10.0.0.0/33', 'malformed'],
  ])('judges %s as %s', (cidr, expected) => {
    expect(checkVpcCidr(cidr)).toBe(expected);
  });
});
