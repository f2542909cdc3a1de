import { App } from 'aws-cdk-lib';
import { PlatformStack } from './stacks/platform-stack.ts';
import { readStageConfig } from './stage-config.ts';

export interface BuildAppOptions {
  /** CDK context, on top of what the CLI passes in. @default - only the CLI's */
  readonly context?: Readonly<Record<string, unknown>>;
  /**
   * Whether NodejsFunction bundles the handlers. Tests and the local runtime that only
   * read the template skip it, which makes building the app take well under a second.
   * @default true
   */
  readonly bundling?: boolean;
  /** Where the cloud assembly goes. @default - the CLI's choice, or a temporary folder */
  readonly outdir?: string;
}

export interface BuiltApp {
  readonly app: App;
  readonly stack: PlatformStack;
}

/** The stack's name for a stage, e.g. `PlatformsInfrastructure-dev`. */
export const stackName = (stage: string) => `PlatformsInfrastructure-${stage}`;

/** Builds the CDK app with one stack for the stage named in the context. */
export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  const context: Record<string, unknown> = { ...options.context };
  // An empty list of stacks to bundle is CDK's own switch for skipping asset bundling.
  if (options.bundling === false) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context, outdir: options.outdir });

  const config = readStageConfig((key) => app.node.tryGetContext(key));
  const stack = new PlatformStack(app, stackName(config.stage), {
    config,
    description: `Platforms & Infrastructure API (${config.stage})`,
  });
  return { app, stack };
}
