import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
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
  // The runtime writes its output to a file rather than a pipe this process reads:
  // a benchmark driving load from this process would otherwise spend its own time
  // receiving every access log line, only while the API is being measured.
  const logFile = join(dataDir, 'runtime.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    ['infra/local/start.ts', '--in-memory', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'WARN', ...env },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const output = () => readFileSync(logFile, 'utf8');
  const url = await waitForReady(child, output);
  const keys = await loadOrCreateKeys(join(dataDir, 'keys'));
  return {
    url,
    keys,
    output,
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
    const started = performance.now();
    const check = setInterval(() => {
      const match = /"message":"local runtime ready".*?"url":"([^"]+)"/.exec(output());
      if (match?.[1]) {
        clearInterval(check);
        child.off('exit', exited);
        resolveUrl(match[1]);
      } else if (performance.now() - started > 90_000) {
        clearInterval(check);
        reject(new Error(`runtime did not start:\n${output()}`));
      }
    }, 50);
    const exited = (code: number | null) => {
      clearInterval(check);
      reject(new Error(`runtime exited with ${code}:\n${output()}`));
    };
    child.once('exit', exited);
  });
}
