import * as z from 'zod/mini';
import { EstateId } from '../../domain/estates/estate.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { requireOwnedItems } from '../../domain/owned-items.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { toPolicyResource } from '../../domain/policies/policy-resource.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { httpHandler } from '../../platform/http.ts';
import { listPolicies } from '../../store/policies.ts';

const Query = z.strictObject({ estate_id: EstateId, ...PageQuery });

/** GET /v1/infrastructure/policies — an estate's policies, in creation order. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: 'List the policies of an estate',
    problems: [404],
  },
  async ({ query, caller }) => {
    const scope = `policies|${query.estate_id}`;
    const startKey = query.cursor ? decodeCursor(scope, query.cursor) : undefined;
    const page = await listPolicies(query.estate_id, query.limit, startKey);
    await requireOwnedItems(page.items, caller.workspaceId, () =>
      ownedEstate(query.estate_id, caller.workspaceId),
    );
    return {
      status: 200,
      body: {
        data: page.items.map(toPolicyResource),
        next_cursor: page.nextKey ? encodeCursor(scope, page.nextKey) : null,
      },
    };
  },
);
