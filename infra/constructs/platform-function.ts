import { join, resolve } from 'node:path';
import { type CfnResource, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** The repository root: function entries and the lock file are relative to it. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** CloudFormation metadata key that names the handler module a function runs. */
export const ENTRY_METADATA_KEY = 'platform:entry';

export interface PlatformFunctionProps {
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** `POWERTOOLS_SERVICE_NAME`: the service the function's logs and traces belong to. */
  readonly serviceName: string;
  /** Variables added to the function's environment. @default - none beyond the shared ones */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default 512 MB */
  readonly memorySize?: number;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** How long the function's log group keeps logs. @default one month */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the log group when the function goes.
   * @default RemovalPolicy.DESTROY - logs are kept only as long as `logRetention` anyway
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * A Lambda function with the platform's defaults: Node.js 26 on arm64, an ESM bundle
 * with the AWS SDK inside it, active tracing, its own log group, and a role that may
 * only write that log group until grants add more. The log group (`<id>Logs`) and
 * the role (`<id>Role`) are created next to the function, in the same scope.
 */
export class PlatformFunction extends nodejs.NodejsFunction {
  /** The function's own role; grants to the function land in its default policy. */
  readonly executionRole: iam.Role;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    super(scope, id, functionProps(props, logGroup, role));
    this.executionRole = role;

    // A role of our own instead of AWSLambdaBasicExecutionRole, whose log permissions
    // span every log group in the account.
    logGroup.grantWrite(role);
    (this.node.defaultChild as CfnResource).addMetadata(ENTRY_METADATA_KEY, props.entry);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, ' +
        'which X-Ray only grants on all resources.',
    });
  }
}

function functionProps(
  props: PlatformFunctionProps,
  logGroup: logs.ILogGroup,
  role: iam.IRole,
): nodejs.NodejsFunctionProps {
  return {
    entry: join(REPO_ROOT, props.entry),
    handler: 'handler',
    projectRoot: REPO_ROOT,
    depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_26_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: props.memorySize ?? 512,
    timeout: props.timeout ?? Duration.seconds(10),
    tracing: lambda.Tracing.ACTIVE,
    logGroup,
    role,
    environment: {
      POWERTOOLS_SERVICE_NAME: props.serviceName,
      NODE_OPTIONS: '--enable-source-maps',
      ...props.environment,
    },
    bundling: BUNDLING,
  };
}

/**
 * One bundle per function: ESM, minified, with source maps and the SDK inside, its
 * credentials read from the environment only.
 */
export const BUNDLING: nodejs.BundlingOptions = {
  format: nodejs.OutputFormat.ESM,
  target: 'node26',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  // Bundle the AWS SDK v3 rather than use the runtime's copy: the version is the
  // one the tests ran against, and the bundler drops what the function never calls.
  externalModules: [],
  // Lambda passes the role's credentials in environment variables; the SDK's default
  // chain would also bundle SSO, ini-file, process, web identity and metadata
  // providers (and the clients they call) that can never answer there. Two more
  // stand-ins replace SDK code the bundles carry but never run: event-stream support,
  // which no operation of our clients has, and the endpoint-discovery cache, which no
  // DynamoDB command uses. Each stand-in's doc comment says why that holds, and
  // test/infra/bundle-aliases.test.ts checks it.
  esbuildArgs: {
    '--alias': [
      '@aws-sdk/credential-provider-node=./functions/platform/env-credentials.ts',
      '@smithy/core/event-streams=./functions/platform/no-event-streams.ts',
      '@aws-sdk/endpoint-cache=./functions/platform/no-endpoint-cache.ts',
    ],
  },
  // CommonJS dependencies inside an ESM bundle still call `require` for Node's
  // built-in modules; give them one.
  banner:
    "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
};
