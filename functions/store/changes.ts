import type { StoredEvent } from './events.ts';
import { buildListEvents } from './events.ts';
import { stripKeys } from './items.ts';
import { queryPage } from './page.ts';

/** Event types whose events are changes an incident may be suspected of. */
export const CHANGE_TYPE_PREFIXES = [
  'infrastructure.deployment.',
  'infrastructure.policy.',
];

/**
 * Builds the Query for the deployment and policy events of an estate between two
 * instants, newest first: the key range of its event partition, filtered on the
 * type's prefix.
 */
export function buildListChanges(estateId: string, from: string, to: string) {
  return {
    ...buildListEvents(estateId, { from, to }),
    ScanIndexForward: false,
    FilterExpression: CHANGE_TYPE_PREFIXES.map(
      (_, index) => `begins_with(#type, :prefix${index})`,
    ).join(' OR '),
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: {
      ...buildListEvents(estateId, { from, to }).ExpressionAttributeValues,
      ...Object.fromEntries(
        CHANGE_TYPE_PREFIXES.map((prefix, index) => [`:prefix${index}`, prefix]),
      ),
    },
  };
}

/** The estate's change events in the window, newest first, at most `limit`. */
export async function listChanges(
  estateId: string,
  from: string,
  to: string,
  limit = 100,
): Promise<StoredEvent[]> {
  const page = await queryPage(buildListChanges(estateId, from, to), limit, []);
  return page.items.map((item) => stripKeys<StoredEvent>(item));
}
