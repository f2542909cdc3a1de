import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/free-port.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run demo', () => {
  it('walks through the whole spec on a runtime of its own and says every step behaved', async () => {
    const port = await freePort();

    const result = spawnSync(
      process.execPath,
      ['scripts/demo.ts', '--json', '--port', String(port)],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 240_000,
        env: { ...process.env, SIM_TIME_SCALE: '0.05', LOCAL_WAIT_MS: '50' },
      },
    );

    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      steps: { title: string; ok: boolean; lines: string[] }[];
    };
    expect(report.steps.filter((step) => !step.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(result.status).toBe(0);
    expect(report.steps.map((step) => step.title).join('\n')).toMatch(
      /Provision[\s\S]*policies[\s\S]*refused[\s\S]*rolls back[\s\S]*costs[\s\S]*event trail/,
    );
    expect(report.steps).toHaveLength(9);
  }, 300_000);
});
