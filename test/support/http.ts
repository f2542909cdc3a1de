import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { HttpEvent } from '../../functions/platform/http.ts';
import { toGatewayEvent } from '../../infra/local/gateway-event.ts';
import { lambdaContext } from '../../infra/local/lambda-context.ts';
import { expectDocumentedResponse } from './openapi/validator.ts';

export interface CallOptions {
  readonly routeKey: string;
  readonly path: string;
  readonly query?: string;
  readonly pathParameters?: Record<string, string>;
  readonly body?: unknown;
  readonly rawBody?: string;
  /** A body of these exact bytes, which need not be UTF-8. */
  readonly rawBytes?: Uint8Array;
  readonly headers?: Record<string, string>;
  readonly workspaceId?: string;
  readonly scopes?: readonly string[];
  readonly claims?: Record<string, string>;
}

type Handler = (
  event: HttpEvent,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies.
  readonly body: any;
  /** The body exactly as the handler returned it. */
  readonly text: string;
}

/**
 * Invokes a handler with an API Gateway v2 event built the way the local gateway builds
 * it. A response the OpenAPI document does not describe fails the calling test.
 */
export async function call(handler: Handler, options: CallOptions): Promise<CallResult> {
  const text =
    options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body));
  const event = toGatewayEvent({
    method: options.routeKey.split(' ')[0] ?? 'GET',
    url: options.query ? `${options.path}?${options.query}` : options.path,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.rawBytes ? Buffer.from(options.rawBytes) : Buffer.from(text),
    sourceIp: '127.0.0.1',
    routeKey: options.routeKey,
    pathParameters: options.pathParameters,
    claims: options.claims ?? {
      sub: 'USR-26-000044',
      workspace_id: options.workspaceId ?? 'WS-26-000021',
      scope: (options.scopes ?? ['read', 'write', 'deploy']).join(' '),
    },
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    now: new Date(),
  });
  const result = await handler(event, lambdaContext('test', 'test', 10_000));
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  const [method = 'GET', path = ''] = options.routeKey.split(' ');
  expectDocumentedResponse({
    method,
    path,
    status: result.statusCode ?? 200,
    header: (name) => headers[name],
    text: result.body ?? '',
  });
  return {
    status: result.statusCode ?? 200,
    headers,
    body: result.body ? JSON.parse(result.body) : undefined,
    text: result.body ?? '',
  };
}
