/** Private ranges an estate network may use: RFC 1918 and the RFC 6598 shared range. */
const PRIVATE_RANGES: readonly [number, number][] = [
  [ipv4('10.0.0.0'), 8],
  [ipv4('172.16.0.0'), 12],
  [ipv4('192.168.0.0'), 16],
  [ipv4('100.64.0.0'), 10],
];

export const MIN_PREFIX = 16;
export const MAX_PREFIX = 24;

function ipv4(text: string): number {
  return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

const mask = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

export type CidrProblem =
  | 'malformed'
  | 'host_bits_set'
  | 'not_private'
  | 'prefix_out_of_range';

/** Checks an IPv4 CIDR block for an estate network; returns what is wrong, or null. */
export function checkVpcCidr(cidr: string): CidrProblem | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!match) return 'malformed';
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return 'malformed';
  if (match.slice(1, 5).some((octet) => octet.length > 1 && octet.startsWith('0')))
    return 'malformed';
  const address = ipv4(octets.join('.'));
  if ((address & ~mask(prefix)) >>> 0 !== 0) return 'host_bits_set';
  const inside = PRIVATE_RANGES.some(
    ([base, size]) => prefix >= size && (address & mask(size)) >>> 0 === base,
  );
  if (!inside) return 'not_private';
  if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) return 'prefix_out_of_range';
  return null;
}
