/**
 * Checks that items listed under a parent (an estate's environments, an environment's
 * services…) are the caller's, reading the parent only when the items cannot tell.
 * Every item carries its workspace, and all children of one parent share it, so a
 * non-empty list answers by itself: a list read is one DynamoDB call. An empty list
 * says nothing (no children, another workspace's parent or none at all), so then
 * `requireParent` reads the parent and throws the 404 when it is not the caller's.
 */
export async function requireOwnedItems(
  items: readonly { readonly workspace_id: string }[],
  workspaceId: string,
  requireParent: () => Promise<unknown>,
): Promise<void> {
  if (items.length > 0 && items.every((item) => item.workspace_id === workspaceId))
    return;
  await requireParent();
  // Children of the caller's own parent in another workspace would be corrupt data:
  // a fault to report, never a list to show.
  if (items.some((item) => item.workspace_id !== workspaceId))
    throw new Error('listed items belong to another workspace than their parent');
}
