import * as z from 'zod/mini';
import { EstateId } from '../../domain/estates/estate.ts';
import { ownedEstate } from '../../domain/estates/owned-estate.ts';
import { INCIDENT_STATUSES, SEVERITIES } from '../../domain/incidents/incident.ts';
import { toIncidentResource } from '../../domain/incidents/incident-resource.ts';
import { requireOwnedItems } from '../../domain/owned-items.ts';
import { PageQuery } from '../../domain/page-query.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { httpHandler } from '../../platform/http.ts';
import { listIncidents } from '../../store/incident-lists.ts';

const Instant = z.iso.datetime({
  offset: false,
  message: 'Use an ISO 8601 UTC time such as 2026-04-01T00:00:00Z.',
});

const Query = z.strictObject({
  estate_id: EstateId,
  status: z.optional(z.enum(INCIDENT_STATUSES)),
  severity: z.optional(z.enum(SEVERITIES)),
  from: z.optional(Instant),
  to: z.optional(Instant),
  ...PageQuery,
});

const badRange = () =>
  new ValidationError([
    { field: 'query.from', message: 'from must not be after to.', code: 'invalid_range' },
  ]);

const iso = (instant: string | undefined) => instant && new Date(instant).toISOString();

/** GET /v1/infrastructure/incidents — an estate's incidents, newest first. */
export const handler = httpHandler(
  {
    scope: 'read',
    summary: 'List the incidents of an estate',
    problems: [404],
    query: Query,
  },
  async ({ query, caller }) => {
    if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to))
      throw badRange();
    const filter = {
      status: query.status,
      severity: query.severity,
      from: iso(query.from),
      to: iso(query.to),
    };
    const scope = `incidents|${query.estate_id}|${JSON.stringify(filter)}`;
    const startKey = query.cursor ? decodeCursor(scope, query.cursor) : undefined;
    const page = await listIncidents(query.estate_id, filter, query.limit, startKey);
    await requireOwnedItems(page.items, caller.workspaceId, () =>
      ownedEstate(query.estate_id, caller.workspaceId),
    );
    return {
      status: 200,
      body: {
        data: page.items.map(toIncidentResource),
        next_cursor: page.nextKey ? encodeCursor(scope, page.nextKey) : null,
      },
    };
  },
);
