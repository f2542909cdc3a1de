import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './stats.ts';

const PROBE = join(import.meta.dirname, 'probes', 'import-probe.ts');

/** Environment a function's init sees: what Lambda sets, with placeholder values. */
export const FUNCTION_ENVIRONMENT: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  AWS_EC2_METADATA_DISABLED: 'true',
  TABLE_NAME: 'bench',
  POWERTOOLS_SERVICE_NAME: 'bench',
  CURSOR_SIGNING_KEY: 'bench-cursor-key',
};

export interface ColdInit {
  /** Median time to import the bundle in a fresh process, in ms. */
  readonly initMs: number;
  /** Median RSS of the process after the import and a forced GC, in bytes. */
  readonly rssBytes: number;
}

/**
 * Imports a bundle in `runs` fresh Node processes, one after another, with the flags
 * the functions run with (`NODE_OPTIONS=--enable-source-maps`), and takes medians.
 * By default each process first does what Lambda's runtime client has done before it
 * imports a handler (see the probe); `bare: true` leaves that out.
 */
export function coldInit(
  bundle: string,
  runs: number,
  options: { readonly bare?: boolean } = {},
): ColdInit {
  const init: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const output = execFileSync(
      process.execPath,
      [
        '--enable-source-maps',
        '--expose-gc',
        PROBE,
        bundle,
        ...(options.bare ? [] : ['--runtime-preloads']),
      ],
      { env: { PATH: process.env.PATH ?? '', ...FUNCTION_ENVIRONMENT }, timeout: 30_000 },
    );
    const sample = JSON.parse(output.toString()) as { initMs: number; rssBytes: number };
    init.push(sample.initMs);
    rss.push(sample.rssBytes);
  }
  return { initMs: median(init), rssBytes: median(rss) };
}
