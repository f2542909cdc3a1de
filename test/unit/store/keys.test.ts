import { describe, expect, it } from 'vitest';
import { keys } from '../../../functions/store/keys.ts';

describe('keys', () => {
  it('prefixes every partition key with its entity so entities never collide', () => {
    const partitions = [
      keys.counter('ESTATE', '26').pk,
      keys.estate('ESTATE-26-000001').pk,
      keys.serviceLine('LIN-26-000001').pk,
      keys.workspaceEstates('WS-26-000001'),
      keys.idempotency('WS-26-000001', 'key-1').pk,
      keys.rateLimit('WS-26-000001', 1_775_000_000).pk,
    ];

    const prefixes = partitions.map((pk) => pk.split('#')[0]);
    expect(new Set(prefixes).size).toBe(partitions.length);
  });

  it('keeps events in their estate’s partition, sorted by time', () => {
    const early = keys.event('ESTATE-26-000001', '2026-01-01T00:00:00.000Z', 'evt_a');
    const late = keys.event('ESTATE-26-000001', '2026-01-02T00:00:00.000Z', 'evt_b');

    expect(early.pk).toBe(keys.estate('ESTATE-26-000001').pk);
    expect(early.sk < late.sk).toBe(true);
    expect(early.sk).not.toBe(keys.estate('ESTATE-26-000001').sk);
  });
});
