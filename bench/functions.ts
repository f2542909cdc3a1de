import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../infra/build-app.ts';
import { ENTRY_METADATA_KEY } from '../infra/constructs/platform-function.ts';

/** A Lambda function of the synthesized app and the handler module it runs. */
export interface AppFunction {
  readonly logicalId: string;
  readonly entry: string;
  /** `MemorySize` in MB: Lambda's Node.js runtime sizes the V8 heap from it. */
  readonly memorySize: number;
  /** The function's `NODE_OPTIONS` variable, empty when it sets none. */
  readonly nodeOptions: string;
}

interface TemplateResource {
  readonly Type: string;
  readonly Metadata?: Record<string, unknown>;
  readonly Properties?: {
    readonly MemorySize?: number;
    readonly Environment?: { readonly Variables?: Record<string, unknown> };
  };
}

// CloudFormation's default when a function declares no MemorySize.
const LAMBDA_DEFAULT_MEMORY_MB = 128;

/**
 * Every Lambda function the app synthesizes (routes, workflow tasks, the publisher),
 * read from the template rather than listed by hand, so a new function is measured
 * without touching the benchmark. Functions without an entry (CDK's own custom
 * resource providers) are returned separately.
 */
export function appFunctions(): {
  readonly ours: readonly AppFunction[];
  readonly others: readonly string[];
} {
  const outdir = mkdtempSync(join(tmpdir(), 'pia-bench-synth-'));
  try {
    const { app, stack } = buildApp({
      bundling: false,
      outdir,
      context: {
        stage: 'bench',
        jwtIssuer: 'https://issuer.bench.test/',
        jwtAudience: 'bench',
      },
    });
    const template = app.synth().getStackByName(stack.stackName).template as {
      Resources: Record<string, TemplateResource>;
    };
    const ours: AppFunction[] = [];
    const others: string[] = [];
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const entry = resource.Metadata?.[ENTRY_METADATA_KEY];
      const nodeOptions = resource.Properties?.Environment?.Variables?.NODE_OPTIONS;
      if (typeof entry === 'string')
        ours.push({
          logicalId,
          entry,
          memorySize: resource.Properties?.MemorySize ?? LAMBDA_DEFAULT_MEMORY_MB,
          nodeOptions: typeof nodeOptions === 'string' ? nodeOptions : '',
        });
      else others.push(logicalId);
    }
    return { ours: ours.sort((a, b) => a.entry.localeCompare(b.entry)), others };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
