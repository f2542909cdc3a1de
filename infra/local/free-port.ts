import { createServer } from 'node:net';

/** Asks the OS for a free port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The port asked for is held by another process; the message says how to pick another. */
export class PortInUseError extends Error {
  readonly port: number;

  constructor(port: number, cause?: unknown) {
    super(
      `Port ${port} on 127.0.0.1 is already in use (is another npm start running?): ` +
        'choose another with --port N or PORT=N, or --port 0 for any free port.',
      { cause },
    );
    this.name = 'PortInUseError';
    this.port = port;
  }
}

/** Whether an error is the OS refusing a port that another socket holds. */
export const isAddressInUse = (error: unknown) =>
  (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/**
 * Throws PortInUseError when the port cannot be bound on the loopback interface now.
 * Port 0 always passes: the OS picks a free one when the server listens.
 */
export function requireFreePort(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (error) =>
      reject(isAddressInUse(error) ? new PortInUseError(port, error) : error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
