import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { BuiltApp } from '../../../infra/build-app.ts';

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly violations: readonly {
      readonly ruleName: string;
      readonly severity?: string;
      readonly violatingConstructs: readonly { readonly constructPath: string }[];
    }[];
  }[];
}

/**
 * Synthesizes the app with the AWS Solutions checks and lists every finding nobody
 * acknowledged, errors and warnings alike, as `severity rule at path`. CDK writes
 * findings to the cloud assembly's validation report and throws when any of them is
 * an error; the report is read either way, so warnings count too.
 */
export function nagFindings({ app }: BuiltApp): string[] {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const outdir = app.outdir;

  try {
    app.synth();
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ValidationFailed')) throw error;
  }

  const report: ValidationReport = JSON.parse(
    readFileSync(join(outdir, 'validation-report.json'), 'utf8'),
  );
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map(
        (construct) =>
          `${violation.severity ?? 'error'} ${violation.ruleName} at ${construct.constructPath}`,
      ),
    ),
  );
}
