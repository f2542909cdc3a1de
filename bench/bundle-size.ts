import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build, type Metafile } from 'esbuild';
import { BUNDLING, REPO_ROOT } from '../infra/constructs/platform-function.ts';
import { esbuildOptions } from './esbuild-options.ts';

/** Sizes of one bundle, in bytes. */
export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  /** The source map shipped beside it in the function's asset. */
  readonly sourceMap: number;
  /** Minified bytes by npm package (or `(app)` for our own code), largest first. */
  readonly byPackage: readonly { readonly name: string; readonly bytes: number }[];
}

/** The empty handler every bundle is compared with. */
export const EMPTY_HANDLER = 'bench/fixtures/empty-handler.ts';

/** Bundles `entry` (relative to the repository) the way its NodejsFunction does. */
export async function bundle(
  entry: string,
  outdir: string,
  bundling: BundlingOptions = BUNDLING,
): Promise<{ readonly file: string; readonly size: BundleSize }> {
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.mjs');
  const result = await build({
    ...esbuildOptions(bundling, join(REPO_ROOT, entry), file),
    absWorkingDir: REPO_ROOT,
  });
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  const code = readFileSync(file);
  return {
    file,
    size: {
      minified: code.length,
      gzipped: gzipSync(code, { level: 9 }).length,
      sourceMap: statSync(`${file}.map`).size,
      byPackage: result.metafile ? packageSizes(result.metafile, file) : [],
    },
  };
}

/** The same bundling with the AWS SDK left to the runtime's copy. */
export const SDK_EXTERNAL: BundlingOptions = {
  ...BUNDLING,
  externalModules: ['@aws-sdk/*'],
};

function packageSizes(metafile: Metafile, file: string) {
  const output = Object.entries(metafile.outputs).find(([path]) =>
    file.endsWith(path.replace(/^(\.\.\/)+/, '')),
  );
  const totals = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.[1].inputs ?? {})) {
    const name = packageOf(path);
    totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** `node_modules/@scope/name/…` → `@scope/name`; anything else is our own code. */
export function packageOf(path: string): string {
  const marker = 'node_modules/';
  const at = path.lastIndexOf(marker);
  if (at < 0) return '(app)';
  const parts = path.slice(at + marker.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '(app)');
}
