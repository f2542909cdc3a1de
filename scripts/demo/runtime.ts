import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOrCreateKeys, signToken } from '../../infra/local/jwt.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface DemoRuntime {
  readonly url: string;
  readonly token: string;
  readonly startedHere: boolean;
  readonly stop: () => Promise<void>;
}

/** Whether something answers HTTP on the port (any status counts). */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/v1/infrastructure/estates`, {
      signal: AbortSignal.timeout(1_000),
    });
    return true;
  } catch {
    return false;
  }
}

const SCOPES = ['read', 'write', 'deploy', 'admin'];

/**
 * Uses the local runtime already serving the port (tokens signed with its key in
 * DATA_DIR), or starts one of its own with a throwaway database and fast simulated
 * clouds, which it stops again at the end.
 */
export async function demoRuntime(
  port: number,
  workspaceId: string,
): Promise<DemoRuntime> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) {
    const keys = await loadOrCreateKeys(
      join(process.env.DATA_DIR ?? join(ROOT, '.data'), 'keys'),
    );
    const token = await signToken(keys, {
      workspaceId,
      scopes: SCOPES,
      subject: 'USR-26-000044',
    });
    return { url, token, startedHere: false, stop: async () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pia-demo-'));
  const child = spawn(
    process.execPath,
    ['infra/local/start.ts', '--in-memory', '--port', String(port)],
    {
      cwd: ROOT,
      env: {
        SIM_TIME_SCALE: '0.05',
        LOCAL_WAIT_MS: '100',
        ...process.env,
        DATA_DIR: dataDir,
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const actualUrl = await ready(child);
  const keys = await loadOrCreateKeys(join(dataDir, 'keys'));
  const token = await signToken(keys, {
    workspaceId,
    scopes: SCOPES,
    subject: 'USR-26-000044',
  });
  return {
    url: actualUrl,
    token,
    startedHere: true,
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

function ready(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the local runtime did not start:\n${output}`)),
      120_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"message":"local runtime ready".*?"url":"([^"]+)"/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolveUrl(match[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local runtime exited with ${code}:\n${output}`));
    });
  });
}
