import type { LocalProcess } from './local-process.ts';

export interface HttpReply {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies.
  readonly body: any;
  /** The body as it came; `body` is undefined when it is not JSON. */
  readonly text: string;
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
 * empty token sends no Authorization header).
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
    const response = await fetch(`${local.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: parsed(text),
      text,
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
