import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOrCreateKeys, type SigningKeys, signToken } from '../../infra/local/jwt.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface LocalProcess {
  readonly url: string;
  readonly keys: SigningKeys;
  readonly output: () => string;
  readonly token: (options?: {
    workspaceId?: string;
    scopes?: string[];
    ttlSeconds?: number;
  }) => Promise<string>;
  readonly stop: () => Promise<void>;
}

/**
 * Starts the local runtime as `npm start` does (the same entry point, in its own
 * process) on a free port with in-memory storage and a throwaway data folder.
 */
export async function startLocalProcess(
  env: Record<string, string> = {},
): Promise<LocalProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pia-e2e-'));
  const child = spawn(
    process.execPath,
    ['infra/local/start.ts', '--in-memory', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'WARN', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await waitForReady(child, () => output);
  const keys = await loadOrCreateKeys(join(dataDir, 'keys'));
  return {
    url,
    keys,
    output: () => output,
    token: (options = {}) =>
      signToken(keys, {
        workspaceId: options.workspaceId ?? 'WS-26-000021',
        scopes: options.scopes ?? ['read', 'write', 'deploy'],
        ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds }),
      }),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForReady(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`runtime did not start:\n${output()}`)),
      90_000,
    );
    const check = () => {
      const match = /"message":"local runtime ready".*?"url":"([^"]+)"/.exec(output());
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolveUrl(match[1]);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited with ${code}:\n${output()}`));
    });
  });
}
