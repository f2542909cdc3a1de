import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

const HOST = join(import.meta.dirname, 'bundle-host.ts');

type Reply =
  | { readonly ready: true }
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: unknown };

/** A bundled handler living in a process of its own, with this process's environment. */
export interface BundledHandler {
  /** Invokes the handler with `event`; resolves with what it returned. */
  readonly invoke: (event: unknown) => Promise<unknown>;
  readonly stop: () => void;
}

/**
 * Starts a fresh Node process that imports the bundle (with source maps on, as the
 * functions' NODE_OPTIONS set) and waits until its init has finished.
 */
export function startBundledHandler(bundle: string): Promise<BundledHandler> {
  const child = fork(HOST, [bundle], {
    execArgv: ['--enable-source-maps'],
    env: process.env,
  });
  const pending = new Map<number, (reply: Reply) => void>();
  let next = 0;
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const failure = new Error(`bundle host for ${bundle} exited with ${code}`);
      reject(failure);
      for (const settle of pending.values()) settle({ id: -1, error: failure });
    });
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return resolve(handle(child, pending, () => next++));
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    });
  });
}

function handle(
  child: ChildProcess,
  pending: Map<number, (reply: Reply) => void>,
  nextId: () => number,
): BundledHandler {
  return {
    invoke: (event) =>
      new Promise((resolve, reject) => {
        const id = nextId();
        pending.set(id, (reply) => {
          if ('result' in reply) resolve(reply.result);
          else if ('error' in reply) reject(new Error(String(reply.error)));
        });
        child.send({ id, event });
      }),
    stop: () => {
      child.kill();
    },
  };
}
