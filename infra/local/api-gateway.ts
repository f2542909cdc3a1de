import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { type Route, routeKey } from '../../functions/http/routes.ts';
import { newRequestId, toGatewayEvent } from './gateway-event.ts';
import { type SigningKeys, stringifyClaims, verifyToken } from './jwt.ts';
import { lambdaContext } from './lambda-context.ts';
import { localLog } from './log.ts';
import { matchRoute } from './route-match.ts';

type Handler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<unknown>;

/** API Gateway's own payload limit for HTTP APIs. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** API Gateway's integration timeout for HTTP APIs. */
const INTEGRATION_TIMEOUT_MS = 30_000;

export interface GatewayOptions {
  readonly routes: readonly Route[];
  readonly root: string;
  readonly keys: SigningKeys;
  /** Told after each request the API answered, with its method. */
  readonly afterRequest?: (method: string) => void;
}

/** Loads every route's handler module once, as Lambda would on cold start. */
async function loadHandlers(routes: readonly Route[], root: string) {
  const handlers = new Map<Route, Handler>();
  for (const route of routes) {
    const module = (await import(resolve(root, route.entry))) as { handler?: Handler };
    if (typeof module.handler !== 'function')
      throw new Error(`${route.entry} exports no handler`);
    handlers.set(route, module.handler);
  }
  return handlers;
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    request.on('end', () =>
      resolveBody(size > MAX_PAYLOAD_BYTES ? null : Buffer.concat(chunks)),
    );
    request.on('error', reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
) {
  response.writeHead(status, {
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  response.end(body);
}

const gatewayMessage = (message: string) => JSON.stringify({ message });

/** Writes a Lambda proxy result the way API Gateway turns it into an HTTP response. */
function writeResult(response: ServerResponse, result: unknown, requestId: string) {
  const base = { 'apigw-requestid': requestId };
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    send(response, 200, { ...base, 'content-type': 'application/json' }, body);
    return;
  }
  const structured = result as {
    statusCode: number;
    headers?: Record<string, string | number | boolean>;
    cookies?: string[];
    body?: string;
    isBase64Encoded?: boolean;
  };
  const headers: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name] = String(value);
  if (structured.cookies?.length) response.setHeader('set-cookie', structured.cookies);
  const body = structured.isBase64Encoded
    ? Buffer.from(structured.body ?? '', 'base64')
    : (structured.body ?? '');
  send(response, structured.statusCode, headers, body);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const TIMED_OUT = Symbol('timed out');

/**
 * An HTTP server that behaves like an API Gateway HTTP API in front of the route
 * table's Lambda handlers: route matching, the JWT authorizer, payload format 2.0
 * events and the proxy result mapping.
 */
export async function createGateway(options: GatewayOptions): Promise<Server> {
  const handlers = await loadHandlers(options.routes, options.root);

  return createServer(async (request, response) => {
    const requestId = newRequestId();
    const now = new Date();
    const url = request.url ?? '/';
    const method = (request.method ?? 'GET').toUpperCase();
    const plain = {
      'content-type': 'application/json',
      'apigw-requestid': requestId,
      'x-request-id': requestId,
    };
    try {
      const body = await readBody(request);
      if (body === null)
        return send(response, 413, plain, gatewayMessage('Request Entity Too Large'));
      const path = url.split('?')[0] ?? '/';
      const match = matchRoute(options.routes, method, path);
      const handler = match && handlers.get(match.route);
      if (!match || !handler)
        return send(response, 404, plain, gatewayMessage('Not Found'));
      let claims: Record<string, string> | undefined;
      if (match.route.authorized) {
        const payload = await verifyToken(options.keys, request.headers.authorization);
        if (!payload) {
          return send(
            response,
            401,
            { ...plain, 'www-authenticate': 'Bearer' },
            gatewayMessage('Unauthorized'),
          );
        }
        claims = stringifyClaims(payload);
      }
      const event = toGatewayEvent({
        method,
        url,
        headers: request.headers,
        body,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        routeKey: routeKey(match.route),
        pathParameters: match.pathParameters,
        claims,
        requestId,
        now,
      });
      const context = lambdaContext(
        match.route.name,
        randomUUID(),
        INTEGRATION_TIMEOUT_MS,
      );
      const result = await withTimeout(handler(event, context), INTEGRATION_TIMEOUT_MS);
      options.afterRequest?.(method);
      if (result === TIMED_OUT)
        return send(response, 503, plain, gatewayMessage('Service Unavailable'));
      writeResult(response, result, requestId);
    } catch (error) {
      localLog.error('integration failed', { error: String(error) });
      if (!response.headersSent)
        send(response, 500, plain, gatewayMessage('Internal Server Error'));
    }
  });
}
