import { ROUTES } from '../../functions/http/routes.ts';
import { matchRoute } from '../../infra/local/route-match.ts';
import type { LocalProcess } from './local-process.ts';
import { expectDocumentedResponse } from './openapi/validator.ts';

export interface HttpReply {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies.
  readonly body: any;
  /** The body as it came; `body` is undefined when it is not JSON. */
  readonly text: string;
}

export interface RawReply {
  readonly status: number;
  readonly headers: Headers;
  /** The body exactly as the server sent it. */
  readonly text: string;
}

export interface RawRequest {
  readonly headers?: Record<string, string>;
  /** Text is sent as UTF-8; bytes exactly as they are. */
  readonly body?: string | Uint8Array;
}

/**
 * Sends one request to a local runtime. A response the OpenAPI document does not
 * describe fails the calling test; the gateway's 404 for a path without a route
 * belongs to no operation and passes.
 */
export async function send(
  local: LocalProcess,
  method: string,
  path: string,
  request: RawRequest = {},
): Promise<RawReply> {
  const response = await fetch(`${local.url}${path}`, {
    method,
    headers: request.headers ?? {},
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  const match = matchRoute(ROUTES, method, path.split('?')[0] ?? path);
  if (match)
    expectDocumentedResponse({
      method,
      path: match.route.path,
      status: response.status,
      header: (name) => response.headers.get(name),
      text,
    });
  return { status: response.status, headers: response.headers, text };
}

export interface RequestOptions {
  /** Extra headers; they win over the client's own. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A body sent as it is, instead of `body` as JSON. */
  readonly rawBody?: string;
}

function parsed(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A small JSON client for a local runtime, authorised with a token of its own (an
 * empty token sends no Authorization header). Every response is checked against the
 * OpenAPI document.
 */
export function httpClient(local: LocalProcess, token: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpReply> => {
    const payload =
      options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    const reply = await send(local, method, path, {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(payload === undefined ? {} : { body: payload }),
    });
    return {
      status: reply.status,
      headers: reply.headers,
      body: parsed(reply.text),
      text: reply.text,
    };
  };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
