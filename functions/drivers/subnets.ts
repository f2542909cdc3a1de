/**
 * The longest prefix a zone subnet may have. AWS refuses subnets smaller than /28,
 * and GCP and Azure allow /28 too, so this is the common floor.
 */
export const MAX_SUBNET_PREFIX = 28;

interface Block {
  readonly base: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function parseCidr(cidr: string): Block {
  const match = CIDR.exec(cidr);
  const octets = match?.slice(1, 5) ?? [];
  const prefix = Number(match?.[5]);
  const wellFormed =
    octets.length === 4 &&
    octets.every((octet) => Number(octet) <= 255 && !/^0\d/.test(octet)) &&
    prefix <= 32;
  if (!wellFormed) throw new RangeError(`${cidr} is not an IPv4 CIDR block.`);

  const base = octets.reduce((value, octet) => value * 256 + Number(octet), 0);
  if (base % 2 ** (32 - prefix) !== 0)
    throw new RangeError(`${cidr} has host bits set; use the network address.`);
  return { base, prefix };
}

function formatCidr({ base, prefix }: Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256);
  return `${octets.join('.')}/${prefix}`;
}

/**
 * Carves `count` equal, non-overlapping subnets from a CIDR block, in address order.
 *
 * The rule: the block is halved as many times as it takes to get at least `count`
 * pieces (the smallest power of two ≥ count), and the first `count` pieces are used.
 * So 10.0.0.0/16 gives one /16 for one zone, /17s for two, /18s for three or four
 * and /19s for five to eight; pieces left over stay free for later growth.
 *
 * @throws RangeError when the block is malformed, `count` is not a positive integer,
 * or the subnets would be smaller than /{@link MAX_SUBNET_PREFIX}.
 */
export function splitCidr(cidr: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`Cannot split a block into ${count} subnets.`);
  const block = parseCidr(cidr);
  let bits = 0;
  while (2 ** bits < count) bits += 1;

  const prefix = block.prefix + bits;
  if (prefix > MAX_SUBNET_PREFIX)
    throw new RangeError(
      `${cidr} is too small for ${count} subnets: each would be a /${prefix}, ` +
        `smaller than the /${MAX_SUBNET_PREFIX} minimum.`,
    );
  const size = 2 ** (32 - prefix);
  return Array.from({ length: count }, (_, index) =>
    formatCidr({ base: block.base + index * size, prefix }),
  );
}
