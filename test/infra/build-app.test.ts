import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes.ts';
import { buildApp } from '../../infra/build-app.ts';
import {
  ENTRY_METADATA_KEY,
  REPO_ROOT,
} from '../../infra/constructs/platform-function.ts';
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

  it('names the handler module of every function in its metadata', () => {
    const { app, stack } = buildApp({
      bundling: false,
      outdir: folder.path,
      context: testContext(),
    });

    const entries = functionsOf(app.synth().getStackByName(stack.stackName).template).map(
      (fn) => fn.Metadata?.[ENTRY_METADATA_KEY],
    );

    const missing = entries.filter(
      (entry) => typeof entry !== 'string' || !existsSync(join(REPO_ROOT, entry)),
    );
    expect(missing).toEqual([]);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries).toEqual(expect.arrayContaining(ROUTES.map((route) => route.entry)));
  });

  it('bundles every function, not only the routes, as ESM with the AWS SDK inside', {
    timeout: 120_000,
  }, () => {
    const { app, stack } = buildApp({ outdir: folder.path, context: testContext() });

    const functions = functionsOf(app.synth().getStackByName(stack.stackName).template);

    const bundles = functions.map((fn) => bundleFolder(fn));
    expect(new Set(bundles).size).toBe(functions.length);
    for (const bundle of bundles) {
      const code = readFileSync(join(folder.path, bundle, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire } from 'node:module';")).toBe(true);
      expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
      expect(existsSync(join(folder.path, bundle, 'index.mjs.map'))).toBe(true);
    }
  });
});

interface FunctionResource {
  readonly Type: string;
  readonly Metadata?: Record<string, unknown>;
  readonly Properties?: { readonly Code?: { readonly S3Key?: unknown } };
}

/** The Lambda functions of a synthesized template. */
function functionsOf(template: unknown): FunctionResource[] {
  const { Resources } = template as { Resources: Record<string, FunctionResource> };
  return Object.values(Resources).filter(
    (resource) => resource.Type === 'AWS::Lambda::Function',
  );
}

/** The asset folder holding a function's bundle: `asset.<hash>` for code `<hash>.zip`. */
function bundleFolder(fn: FunctionResource): string {
  const key = fn.Properties?.Code?.S3Key;
  if (typeof key !== 'string') throw new Error('Function code is not an asset');
  return `asset.${key.replace(/\.zip$/, '')}`;
}
