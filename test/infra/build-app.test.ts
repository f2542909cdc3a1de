import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes.ts';
import { buildApp } from '../../infra/build-app.ts';
import { ENTRY_METADATA_KEY } from '../../infra/constructs/platform-function.ts';
import { assemblyFolder } from './support/assembly.ts';
import { testContext } from './support/synth.ts';

describe('buildApp', () => {
  let folder: ReturnType<typeof assemblyFolder>;

  beforeEach(() => {
    folder = assemblyFolder();
  });

  afterEach(() => folder.remove());

  it('names the one stack after the stage', () => {
    const { app, stack } = buildApp({
      bundling: false,
      context: testContext({ stage: 'prod' }),
    });

    expect(stack.stackName).toBe('PlatformsInfrastructure-prod');
    expect(app.node.children.filter((child) => child === stack)).toHaveLength(1);
  });

  it("names each route's handler module in its function's metadata", () => {
    const { app, stack } = buildApp({
      bundling: false,
      outdir: folder.path,
      context: testContext(),
    });

    const template = app.synth().getStackByName(stack.stackName).template as {
      Resources: Record<string, { Type: string; Metadata?: Record<string, unknown> }>;
    };

    const entries = Object.values(template.Resources)
      .filter((resource) => resource.Type === 'AWS::Lambda::Function')
      .map((fn) => fn.Metadata?.[ENTRY_METADATA_KEY]);
    expect(entries.sort()).toEqual(ROUTES.map((route) => route.entry).sort());
  });

  it('bundles each handler as ESM with the AWS SDK inside', () => {
    const { app } = buildApp({ outdir: folder.path, context: testContext() });

    app.synth();

    const bundles = bundleFolders(folder.path);
    expect(bundles).toHaveLength(ROUTES.length);
    for (const bundle of bundles) {
      const code = readFileSync(join(folder.path, bundle, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
      expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
      expect(existsSync(join(folder.path, bundle, 'index.mjs.map'))).toBe(true);
    }
  });
});

/** The asset folders in a cloud assembly that hold a function bundle. */
function bundleFolders(outdir: string): string[] {
  return readdirSync(outdir).filter(
    (name) => name.startsWith('asset.') && existsSync(join(outdir, name, 'index.mjs')),
  );
}
