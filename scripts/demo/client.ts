/** A JSON reply from the API. */
export interface Reply {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the demo reads arbitrary JSON documents.
  readonly body: any;
}

/** A small HTTP client for the demo, with the bearer token of one workspace. */
export function apiClient(url: string, token: string) {
  return async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

export type Api = ReturnType<typeof apiClient>;

/** Polls a resource until `done` holds for its data, for at most `timeoutMs`. */
export async function waitFor<T>(
  api: Api,
  path: string,
  done: (data: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await api('GET', path);
    const data = reply.body?.data as T;
    if (reply.status === 200 && done(data)) return data;
    if (Date.now() > deadline) throw new Error(`gave up waiting on ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
