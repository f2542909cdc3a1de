import type * as z from 'zod/mini';
import type { Route } from '../http/routes.ts';
import type { RouteSpec } from '../platform/http.ts';

type Schema = z.core.$ZodType | undefined;

/** Response headers a route can name; `x-request-id` is on every response anyway. */
export type ResponseHeader = 'location' | 'etag';

/** A documented success response: its body (none for 204) and its headers. */
export interface ResponseDoc {
  readonly body?: z.core.$ZodType;
  readonly headers?: readonly ResponseHeader[];
}

/**
 * A route's success responses by status, e.g. `{ 200: dataOf(EstateResource) }`, or
 * `{ 201: { body, headers: ['location'] } }` to name response headers too. They
 * describe the route in the OpenAPI document only; the chain does not check them.
 */
export type RouteResponses = Readonly<Record<number, z.core.$ZodType | ResponseDoc>>;

/** Success responses of routes, by the route's name in the route table. */
export type ResponsesByRoute = Readonly<Record<string, RouteResponses>>;

/**
 * What the document needs of a route: the spec `httpHandler` attaches to the handler,
 * with the success responses documented for the route in functions/openapi/responses/.
 */
export type RouteDoc = Pick<
  RouteSpec<Schema, Schema, Schema>,
  'body' | 'query' | 'params' | 'idempotent' | 'summary' | 'problems'
> & { readonly responses?: RouteResponses };

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
