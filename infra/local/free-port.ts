import { createServer } from 'node:net';

/** Binds `port` on the loopback interface and lets it go again; answers the port bound. */
function bindOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** Asks the OS for a free port on the loopback interface. */
export const freePort = (): Promise<number> => bindOnce(0);

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

/** A failure to bind `port`: PortInUseError when another socket holds it, else as it was. */
export const bindError = (port: number, error: unknown): unknown =>
  (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE'
    ? new PortInUseError(port, error)
    : error;

/**
 * Throws PortInUseError when the port cannot be bound on the loopback interface now.
 * Port 0 always passes: the OS picks a free one when the server listens.
 */
export async function requireFreePort(port: number): Promise<void> {
  if (port === 0) return;
  try {
    await bindOnce(port);
  } catch (error) {
    throw bindError(port, error);
  }
}
