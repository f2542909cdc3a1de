import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/http/routes.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

// The modules that hold response schemas: the OpenAPI code and its response tables,
// the resource schemas and the fields only they use. A function that imports one
// builds its schemas at load time and ships them, though it never checks a response.
const DOCUMENTATION_ONLY = [
  /^functions\/openapi\//,
  /^functions\/domain\/.+-schema\.ts$/,
  /^functions\/domain\/resource-fields\.ts$/,
];

/** Our own modules each route's function bundles, by route name. */
async function bundledModules(): Promise<Map<string, string[]>> {
  // Packages stay external: only the project's own modules matter here.
  const result = await build({
    entryPoints: ROUTES.map((route) => route.entry),
    absWorkingDir: ROOT,
    outdir: 'out',
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const byEntry = new Map(
    Object.values(result.metafile.outputs).map((output) => [
      output.entryPoint,
      Object.keys(output.inputs),
    ]),
  );
  return new Map(ROUTES.map((route) => [route.name, byEntry.get(route.entry) ?? []]));
}

describe('response schemas', () => {
  it('stay out of every HTTP route function', async () => {
    const modules = await bundledModules();

    const shipped = [...modules].flatMap(([name, inputs]) =>
      inputs
        .filter((path) => DOCUMENTATION_ONLY.some((pattern) => pattern.test(path)))
        .map((path) => `${name}: ${path}`),
    );

    expect(modules.get('CreateService')).toContain(
      'functions/domain/services/service-resource.ts',
    );
    expect(shipped).toEqual([]);
  });
});
