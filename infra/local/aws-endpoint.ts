import { createServer, type Server } from 'node:http';

/** An error the stand-in returns the way AWS JSON protocols do (`__type`, message). */
export class AwsServiceError extends Error {
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.name = 'AwsServiceError';
    this.type = type;
    this.status = status;
  }
}

export type Operation = (input: Record<string, unknown>) => Promise<unknown>;

/**
 * One loopback HTTP endpoint speaking the AWS JSON protocols (1.0 and 1.1) for the
 * services the local runtime stands in for. Operations are keyed by X-Amz-Target,
 * e.g. `AWSStepFunctions.StartExecution`; an unknown target is refused loudly.
 */
export class AwsEndpoint {
  readonly #operations = new Map<string, Operation>();
  #server: Server | undefined;

  register(target: string, operation: Operation): void {
    this.#operations.set(target, operation);
  }

  async listen(): Promise<string> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const target = String(request.headers['x-amz-target'] ?? '');
        const contentType = String(
          request.headers['content-type'] ?? 'application/x-amz-json-1.0',
        );
        const reply = (
          status: number,
          body: unknown,
          headers: Record<string, string> = {},
        ) => {
          response.writeHead(status, { 'content-type': contentType, ...headers });
          response.end(JSON.stringify(body));
        };
        const operation = this.#operations.get(target);
        if (!operation) {
          reply(400, {
            __type: 'UnknownOperationException',
            message: `local stand-in has no ${target}`,
          });
          return;
        }
        try {
          const text = Buffer.concat(chunks).toString('utf8');
          reply(200, (await operation(text ? JSON.parse(text) : {})) ?? {});
        } catch (error) {
          const known = error instanceof AwsServiceError;
          const type = known ? error.type : 'InternalFailure';
          const message = error instanceof Error ? error.message : String(error);
          reply(
            known ? error.status : 500,
            { __type: type, message },
            { 'x-amzn-errortype': type },
          );
        }
      });
    });
    this.#server = server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  close(): Promise<void> {
    const server = this.#server;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((done) => server.close(() => done()));
  }
}
