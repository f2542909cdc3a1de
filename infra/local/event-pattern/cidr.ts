import { BlockList, isIP } from 'node:net';
import { InvalidEventPatternError } from './errors.ts';
import { requireString, type StringTest } from './strings.ts';

const MAX_PREFIX = { 4: 32, 6: 128 } as const;

/**
 * Compiles `{"cidr": "10.0.0.0/24"}` (IPv4 or IPv6). A bare address means that one
 * address. Event values that are not IP addresses of the same family never match.
 */
export function cidr(path: string, operand: unknown): StringTest {
  const text = requireString(path, operand, 'cidr');
  const [address = '', prefixText, ...rest] = text.split('/');
  const family = isIP(address);
  if ((family !== 4 && family !== 6) || rest.length > 0)
    throw new InvalidEventPatternError(path, `"cidr" is not an IP block: ${text}`);
  const prefix = prefixText === undefined ? MAX_PREFIX[family] : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? '0') || prefix > MAX_PREFIX[family])
    throw new InvalidEventPatternError(path, `"cidr" has a bad prefix length: ${text}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const block = new BlockList();
  block.addSubnet(address, prefix, type);
  return (value) => isIP(value) === family && block.check(value, type);
}
