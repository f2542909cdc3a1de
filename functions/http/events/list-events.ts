import * as z from 'zod/mini';
import { EstateId } from '../../domain/estates/estate.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { httpHandler } from '../../platform/http.ts';
import { getEstate } from '../../store/estates.ts';
import { listEvents } from '../../store/events.ts';

const Instant = z.iso.datetime({
  offset: false,
  message: 'Use an ISO 8601 UTC time such as 2026-04-01T00:00:00Z.',
});

const Query = z.strictObject({
  estate_id: EstateId,
  type: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^infrastructure\.[a-z_]+\.[a-z_]+$/,
          'Use an event type such as infrastructure.estate.ready.',
        ),
      ),
  ),
  from: z.optional(Instant),
  to: z.optional(Instant),
  ...PageQuery,
});

/** GET /v1/infrastructure/events — an estate's event trail, oldest first. */
export const handler = httpHandler(
  {
    scope: 'read',
    query: Query,
    summary: "List an estate's events",
    problems: [404],
  },
  async ({ query, caller }) => {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
      throw new ValidationError([
        {
          field: 'query.from',
          message: 'from must not be after to.',
          code: 'invalid_range',
        },
      ]);
    }
    const estate = await getEstate(query.estate_id);
    if (!estate || estate.workspace_id !== caller.workspaceId)
      throw new NotFoundError('estate', query.estate_id);
    const filter = {
      type: query.type,
      from: query.from && new Date(query.from).toISOString(),
      to: query.to && new Date(query.to).toISOString(),
    };
    const scope = `events|${query.estate_id}|${filter.type ?? ''}|${filter.from ?? ''}|${filter.to ?? ''}`;
    const startKey = query.cursor ? decodeCursor(scope, query.cursor) : undefined;
    const page = await listEvents(query.estate_id, filter, query.limit, startKey);
    return {
      status: 200,
      body: {
        data: page.items,
        next_cursor: page.nextKey ? encodeCursor(scope, page.nextKey) : null,
      },
    };
  },
);
