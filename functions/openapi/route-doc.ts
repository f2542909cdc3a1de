import type * as z from 'zod/mini';
import type { Route } from '../http/routes.ts';
import type { RouteSpec } from '../platform/http.ts';

type Schema = z.core.$ZodType | undefined;

/** What the document needs of a route's handler spec; `httpHandler` attaches it. */
export type RouteDoc = Pick<
  RouteSpec<Schema, Schema, Schema>,
  'body' | 'query' | 'params' | 'idempotent' | 'summary' | 'responses' | 'problems'
>;

/** A route of the route table with the spec its handler module carries. */
export interface DocumentedRoute {
  readonly route: Route;
  readonly doc: RouteDoc;
}

/** Success statuses a route documents. */
export const successStatuses = (doc: RouteDoc): number[] =>
  Object.keys(doc.responses ?? {})
    .map(Number)
    .filter((status) => status >= 200 && status < 300);

/**
 * Refuses a route the document cannot describe: one without a summary or without a
 * documented success response. Every route, including ones added later, must have both.
 */
export function requireDocumented({ route, doc }: DocumentedRoute): void {
  if (!doc.summary?.trim()) throw new Error(`${route.name} has no summary`);
  if (successStatuses(doc).length === 0)
    throw new Error(`${route.name} documents no success response`);
}
