import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const folders: string[] = [];
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((done) => server.close(done))),
  );
  for (const folder of folders.splice(0))
    rmSync(folder, { recursive: true, force: true });
});

/** A throwaway data folder; DynamoDB Local keeps its database under it, by path. */
function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pia-start-'));
  folders.push(folder);
  return folder;
}

/** Holds a loopback port, as a runtime already serving there would. */
async function occupiedPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Runs `npm start`'s entry point to its end, with its database on disk in dataDir. */
function start(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  args: readonly string[] = ['--port', String(port)],
) {
  const child = spawn(process.execPath, ['infra/local/start.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'WARN', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stderr: string }>((done) =>
    child.once('close', (code) => done({ code, stderr })),
  );
}

/** Command lines of the processes running now that name the folder: DynamoDB Local's do. */
const processesUsing = (folder: string) =>
  spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => line.includes(folder));

describe('npm start', () => {
  it('refuses a port in use with one line naming it and how to choose another', async () => {
    const dataDir = dataFolder();
    const port = await occupiedPort();

    const result = await start(dataDir, port);

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`Port ${port} on 127.0.0.1 is already in use`),
    ]);
    expect(result.stderr).toContain('--port N');
    expect(processesUsing(dataDir)).toEqual([]);
  });

  it('refuses a bad failure-injection spec with one line naming the variable', async () => {
    const dataDir = dataFolder();

    const result = await start(dataDir, 0, {
      SIM_FAILURES: 'createWorkload@x:permanent:3',
    });

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('SIM_FAILURES'),
    ]);
    expect(processesUsing(dataDir)).toEqual([]);
  });

  it.each([
    [['4815'], "Unexpected argument '4815'"],
    [['--bogus'], "Unknown option '--bogus'"],
  ])(
    'refuses the command line %j with what is wrong and its usage, starting nothing',
    async (args, problem) => {
      const dataDir = dataFolder();

      const result = await start(dataDir, 0, {}, args);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain(problem);
      expect(result.stderr).toContain('usage: npm start -- [--port N]');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(processesUsing(dataDir)).toEqual([]);
    },
  );

  it.each([
    ['a path under a file', '/dev/null/pia'],
    ['a path Node cannot create recursively', '/proc/pia-missing'],
  ])(
    'refuses a data folder it cannot use (%s) with one line, starting nothing',
    async (_case, path) => {
      const result = await start(path, 0, {}, ['--port', '0', '--data-dir', path]);

      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringContaining('--data-dir (DATA_DIR) cannot hold the local data'),
      ]);
      expect(processesUsing(path)).toEqual([]);
    },
  );

  it('stops DynamoDB Local when start-up fails after starting it', async () => {
    const dataDir = dataFolder();
    // A file where the keys folder belongs fails start-up once the database is running.
    writeFileSync(join(dataDir, 'keys'), '');

    const result = await start(dataDir, 0);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(join(dataDir, 'keys'));
    expect(processesUsing(dataDir)).toEqual([]);
  });
});
