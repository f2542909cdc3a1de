import { createHash } from 'node:crypto';

/** A stable hex digest of some strings; the simulated driver's only source of variety. */
export const digest = (...parts: readonly string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** A stable integer from `min` to `max` (inclusive) picked by the strings given. */
export function pick(min: number, max: number, ...parts: readonly string[]): number {
  const value = Number.parseInt(digest(...parts).slice(0, 8), 16);
  return min + (value % (max - min + 1));
}
