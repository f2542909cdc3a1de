import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions, Format, Loader } from 'esbuild';

/** Bundling options this translation understands; anything else fails loudly. */
const KNOWN = new Set([
  'format',
  'target',
  'minify',
  'sourceMap',
  'sourcesContent',
  'mainFields',
  'externalModules',
  'banner',
  'footer',
  'define',
  'loader',
  'keepNames',
  'inject',
  'logLevel',
  'esbuildArgs',
]);

/**
 * Translates the NodejsFunction bundling options into the esbuild build options the
 * construct's own command line amounts to (`esbuild --bundle --platform=node …`), so
 * the benchmark measures exactly what `cdk synth` ships. An option it does not know
 * throws rather than being silently ignored.
 */
export function esbuildOptions(
  bundling: BundlingOptions,
  entry: string,
  outfile: string,
): BuildOptions {
  const unknown = Object.keys(bundling).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0)
    throw new Error(`bench cannot translate bundling options: ${unknown.join(', ')}`);
  const sourcemap = bundling.sourceMap ?? false;
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    write: true,
    metafile: true,
    logLevel: 'warning',
    ...(bundling.format ? { format: bundling.format as Format } : {}),
    ...(bundling.target ? { target: bundling.target } : {}),
    minify: bundling.minify ?? false,
    sourcemap,
    ...(sourcemap && bundling.sourcesContent === false ? { sourcesContent: false } : {}),
    external: [...(bundling.externalModules ?? ['@aws-sdk/*'])],
    ...(bundling.loader ? { loader: bundling.loader as Record<string, Loader> } : {}),
    ...(bundling.define ? { define: { ...bundling.define } } : {}),
    ...(bundling.keepNames ? { keepNames: true } : {}),
    ...(bundling.inject ? { inject: [...bundling.inject] } : {}),
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    ...(bundling.footer ? { footer: { js: bundling.footer } } : {}),
    ...(bundling.mainFields ? { mainFields: [...bundling.mainFields] } : {}),
    ...extraArgs(bundling.esbuildArgs ?? {}),
  };
}

/** The `esbuildArgs` the platform uses: only `--alias`, which maps directly. */
function extraArgs(args: NonNullable<BundlingOptions['esbuildArgs']>): BuildOptions {
  const alias: Record<string, string> = {};
  for (const [flag, value] of Object.entries(args)) {
    if (flag !== '--alias' || !Array.isArray(value))
      throw new Error(`bench cannot translate esbuild argument ${flag}`);
    for (const item of value) {
      const [from, to] = item.split('=');
      if (!from || !to) throw new Error(`malformed --alias value ${item}`);
      alias[from] = to;
    }
  }
  return Object.keys(alias).length > 0 ? { alias } : {};
}
