/** How many gsi2 partitions the estate directory spreads over. */
export const ESTATE_SHARDS = 4;

/** The directory shard of an estate: its number modulo ESTATE_SHARDS. */
export function estateShard(estateId: string): number {
  const digits = /(\d+)$/.exec(estateId)?.[1] ?? '0';
  return Number(BigInt(digits) % BigInt(ESTATE_SHARDS));
}
