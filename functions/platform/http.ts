import middy from '@middy/core';
import type {
  Context,
  APIGatewayProxyEventV2WithJWTAuthorizer as HttpEvent,
  APIGatewayProxyStructuredResultV2 as HttpResponse,
} from 'aws-lambda';
import * as z from 'zod/mini';
import { type Caller, callerFromClaims, requireScope, type Scope } from './auth.ts';
import { isValidateOnly } from './dry-run.ts';
import { ApiError } from './errors.ts';
import type { idempotent } from './idempotency.ts';
import { parseJsonBody, parseUnwantedBody } from './json-body.ts';
import { logger } from './logger.ts';
import { problemResponse } from './problem-response.ts';
import { fromProviderError } from './provider-errors.ts';
import { rateLimit } from './rate-limit.ts';
import { fromThrottling } from './throttling.ts';
import { validate } from './validate.ts';

export type { HttpEvent, HttpResponse };

/** What an action receives: validated input and the caller. */
export interface HttpRequest<B, Q, P> {
  readonly body: B;
  readonly query: Q;
  readonly params: P;
  readonly caller: Caller;
  readonly requestId: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** What an action returns; the chain serialises it. */
export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

type Schema = z.core.$ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteSpec<
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
> {
  readonly scope: Scope;
  readonly body?: B;
  readonly query?: Q;
  readonly params?: P;
  /**
   * Makes the route safe to retry with an `Idempotency-Key` header: every POST route
   * passes `idempotent` from idempotency.ts. The route hands the implementation in,
   * rather than a flag, so the functions of other routes do not bundle it.
   * @default - the action runs for every request
   */
  readonly idempotent?: typeof idempotent;
  /**
   * One line for the API reference. The route's success responses are documented
   * apart, in functions/openapi/responses/, so that no function ships their schemas.
   */
  readonly summary?: string;
  /**
   * The problem statuses this route answers beyond those every route can give
   * (400 for invalid input, 401, 403, 429, 500; 413 and 415 with a body; 409 and 422
   * for idempotency keys), e.g. `[404, 409]`. @default - only those
   */
  readonly problems?: readonly ProblemStatus[];
}

/** Problem statuses a route can declare for the OpenAPI document. */
export type ProblemStatus = 400 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 503;

/**
 * What a route without query parameters accepts: none. Ignoring them would let
 * `?validate_only=true` on such a POST, or `?cascade=true` on such a DELETE, do the
 * real work while the caller believes otherwise.
 */
const NO_QUERY = z.strictObject({});

/**
 * What a route without a body accepts: none, or an empty JSON object (some clients
 * always send one). A field would be ignored while the caller believes it counts, so
 * it is refused by name as `unknown_field`, as every route with a body refuses one.
 */
const NO_BODY = z.strictObject({});

const requestIdOf = (event: HttpEvent) => event.requestContext?.requestId ?? 'unknown';

function json(
  status: number,
  body: unknown,
  headers: Record<string, string>,
): HttpResponse {
  return {
    statusCode: status,
    headers,
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** Logs one line per request and stamps x-request-id on every response. */
const accessLog = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => {
  const started = new WeakMap<object, number>();
  const finish = (request: middy.Request<HttpEvent, HttpResponse>) => {
    const response = request.response;
    if (!response) return;
    const requestId = requestIdOf(request.event);
    response.headers = { ...response.headers, 'x-request-id': requestId };
    logger.info('request', {
      method: request.event.requestContext?.http?.method,
      route: request.event.routeKey,
      status: response.statusCode,
      latency_ms: Math.round(
        performance.now() - (started.get(request) ?? performance.now()),
      ),
      request_id: requestId,
    });
  };
  return {
    before: (request) => {
      started.set(request, performance.now());
    },
    after: finish,
    onError: finish,
  };
};

/**
 * Maps any error to a problem document: API errors as they are, cloud driver failures
 * as 503 or 422, throttling the SDK could not absorb as 503; unknown errors are logged
 * once and hidden.
 */
const problems = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => ({
  onError: (request) => {
    const providerError = fromProviderError(request.error);
    const busy = providerError ? undefined : fromThrottling(request.error);
    const error = providerError ?? busy ?? request.error;
    const requestId = requestIdOf(request.event);
    if (providerError)
      logger.warn('provider error', { error: request.error, request_id: requestId });
    else if (busy)
      logger.warn('table throttled', { error: request.error, request_id: requestId });
    else if (!(error instanceof ApiError))
      logger.error('unhandled error', { error, request_id: requestId });
    request.response = problemResponse(error, requestId);
  },
});

/**
 * Builds a Lambda handler for one HTTP route. Every route gets the same chain:
 * access log, problem mapping, the workspace rate limit, caller and scope check, JSON
 * body parsing (a route without a body refuses one with fields), schema validation of
 * body, query and path parameters, then the action (run at most once per
 * Idempotency-Key when the route is idempotent).
 */
export function httpHandler<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  spec: RouteSpec<B, Q, P>,
  action: (request: HttpRequest<Out<B>, Out<Q>, Out<P>>) => Promise<HttpResult>,
) {
  const handler = middy<HttpEvent, HttpResponse, Error, Context>()
    .use(accessLog())
    .use(problems())
    .use(rateLimit())
    .handler(async (event) => {
      const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
      requireScope(caller, spec.scope);
      if (!spec.body) {
        const unwanted = parseUnwantedBody(event);
        if (unwanted !== undefined) validate(NO_BODY, unwanted, 'body');
      }
      const body = spec.body
        ? validate(spec.body, parseJsonBody(event), 'body')
        : undefined;
      const query = validate(
        spec.query ?? NO_QUERY,
        event.queryStringParameters ?? {},
        'query',
      );
      const params = spec.params
        ? validate(spec.params, event.pathParameters ?? {}, 'path')
        : undefined;
      const run = async () => {
        const result = await action({
          body: body as Out<B>,
          query: query as Out<Q>,
          params: params as Out<P>,
          caller,
          requestId: requestIdOf(event),
          headers: event.headers ?? {},
        });
        // A response without a body (204) has no content type to declare.
        const contentType: Record<string, string> =
          result.body === undefined ? {} : { 'content-type': 'application/json' };
        return json(result.status, result.body, { ...contentType, ...result.headers });
      };
      // A validate_only request changes nothing, so there is nothing to replay or keep.
      return spec.idempotent && !isValidateOnly(query)
        ? spec.idempotent(event, caller.workspaceId, run)
        : run();
    });
  // The spec travels with the handler, so the OpenAPI document is built from the very
  // schemas that validate requests.
  return Object.assign(handler, {
    spec: spec as RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined>,
  });
}
