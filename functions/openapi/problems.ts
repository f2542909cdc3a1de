import * as z from 'zod/mini';
import type { Route } from '../http/routes.ts';
import { PROBLEM_TYPE_BASE } from '../platform/problem.ts';
import type { RouteDoc } from './route-doc.ts';

/** The RFC 9457 problem document every refusal of the chain carries. */
export const ProblemSchema = z
  .looseObject({
    type: z.string().check(z.meta({ description: `${PROBLEM_TYPE_BASE}<code>` })),
    title: z.string(),
    status: z.int().check(z.gte(400), z.lte(599)),
    detail: z.string().check(z.meta({ description: 'For people; may change.' })),
    code: z
      .string()
      .check(
        z.regex(/^[a-z_]+$/),
        z.meta({ description: 'Stable; the field programs act on.' }),
      ),
    request_id: z
      .string()
      .check(z.meta({ description: 'The `x-request-id` of the response; quote it.' })),
    errors: z
      .optional(
        z.array(z.object({ field: z.string(), message: z.string(), code: z.string() })),
      )
      .check(
        z.meta({
          description: 'Each invalid field, e.g. `body.region` or `query.limit`.',
        }),
      ),
  })
  .check(z.meta({ id: 'Problem', description: 'RFC 9457 problem details with `code`.' }));

/** API Gateway's own refusals (401, 413, 429, 503) carry only a message. */
export const GatewayMessageSchema = z
  .object({ message: z.string() })
  .check(z.meta({ id: 'GatewayMessage', description: "API Gateway's own error body." }));

interface ProblemResponse {
  readonly name: string;
  readonly description: string;
  /** Whether API Gateway itself may answer this status with a `{message}` body. */
  readonly gateway?: boolean;
  readonly headers?: readonly ('Retry-After' | 'ETag' | 'WWW-Authenticate')[];
}

/** The documented problem responses, by status. */
export const PROBLEM_RESPONSES: Readonly<Record<number, ProblemResponse>> = {
  400: {
    name: 'BadRequest',
    description:
      'Invalid input: `validation_failed` (see `errors`), `invalid_json`, `invalid_cursor`, …',
  },
  401: {
    name: 'Unauthorized',
    description:
      'No valid bearer token: API Gateway answers `{"message":"Unauthorized"}`.',
    gateway: true,
    headers: ['WWW-Authenticate'],
  },
  403: {
    name: 'Forbidden',
    description: '`insufficient_scope`, or `workspace_forbidden` for another workspace.',
  },
  404: { name: 'NotFound', description: "No such object in the caller's workspace." },
  409: {
    name: 'Conflict',
    description:
      'The object is not in a state that allows this, or a request with the same `Idempotency-Key` is still running (`Retry-After`).',
    headers: ['Retry-After'],
  },
  412: {
    name: 'PreconditionFailed',
    description: '`If-Match` no longer holds; `ETag` is the current tag.',
    headers: ['ETag'],
  },
  413: {
    name: 'ContentTooLarge',
    description: 'The body is larger than 64 KiB (larger than 10 MiB: API Gateway).',
    gateway: true,
  },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The body is not `application/json`.',
  },
  422: {
    name: 'UnprocessableContent',
    description:
      'Understood but refused, e.g. `idempotency_key_reused` or `provider_refused`.',
  },
  429: {
    name: 'TooManyRequests',
    description:
      'The workspace passed its per-minute limit (`rate_limited`), or the stage its throttle (API Gateway).',
    gateway: true,
    headers: ['Retry-After'],
  },
  500: { name: 'InternalError', description: 'An unexpected error; quote `request_id`.' },
  503: {
    name: 'ServiceUnavailable',
    description:
      'Busy: the table is throttling (`service_busy`) or the cloud provider did not answer (`provider_unavailable`); retry after `Retry-After`.',
    gateway: true,
    headers: ['Retry-After'],
  },
};

/**
 * The problem statuses a route can answer: what the chain gives every route with a
 * token (401, 403, 429, 500, 503), invalid input (400), body handling (413, 415), the
 * idempotency-key refusals (409, 422), and the ones the route declares.
 */
export function problemStatuses(route: Route, doc: RouteDoc): number[] {
  const statuses = new Set<number>(doc.problems ?? []);
  // Any route that reaches the table can meet lasting throttling: 503 service_busy.
  if (route.authorized)
    for (const status of [401, 403, 429, 500, 503]) statuses.add(status);
  if (doc.body || doc.query || doc.params || doc.idempotent) statuses.add(400);
  if (doc.body) for (const status of [413, 415]) statuses.add(status);
  if (doc.idempotent) for (const status of [409, 422]) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}
