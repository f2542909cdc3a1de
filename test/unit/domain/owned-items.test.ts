import { describe, expect, it, vi } from 'vitest';
import { requireOwnedItems } from '../../../functions/domain/owned-items.ts';

const mine = { workspace_id: 'WS-26-000001' };
const theirs = { workspace_id: 'WS-26-000002' };
const notFound = new Error('404');

describe('requireOwnedItems', () => {
  it('accepts items of the caller without reading the parent', async () => {
    const requireParent = vi.fn(async () => undefined);

    await requireOwnedItems([mine, mine], mine.workspace_id, requireParent);

    expect(requireParent).not.toHaveBeenCalled();
  });

  it('reads the parent for an empty list and lets it refuse', async () => {
    const owned = vi.fn(async () => undefined);
    const foreign = vi.fn(async () => {
      throw notFound;
    });

    await requireOwnedItems([], mine.workspace_id, owned);
    const refused = requireOwnedItems([], mine.workspace_id, foreign);

    expect(owned).toHaveBeenCalledOnce();
    await expect(refused).rejects.toBe(notFound);
  });

  it('reads the parent when the items are another workspace’s, which refuses', async () => {
    const requireParent = vi.fn(async () => {
      throw notFound;
    });

    const refused = requireOwnedItems([theirs], mine.workspace_id, requireParent);

    await expect(refused).rejects.toBe(notFound);
  });

  it('fails rather than show another workspace’s items under the caller’s parent', async () => {
    const refused = requireOwnedItems([mine, theirs], mine.workspace_id, async () => {});

    await expect(refused).rejects.toThrow('another workspace');
  });
});
