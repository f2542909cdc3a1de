import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../infra/build-app.ts';
import { ENTRY_METADATA_KEY } from '../infra/constructs/platform-function.ts';

/** A Lambda function of the synthesized app and the handler module it runs. */
export interface AppFunction {
  readonly logicalId: string;
  readonly entry: string;
}

interface TemplateResource {
  readonly Type: string;
  readonly Metadata?: Record<string, unknown>;
}

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
      if (typeof entry === 'string') ours.push({ logicalId, entry });
      else others.push(logicalId);
    }
    return { ours: ours.sort((a, b) => a.entry.localeCompare(b.entry)), others };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
