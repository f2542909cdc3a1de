import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../build-app.ts';
import { AwsEndpoint } from './aws-endpoint.ts';
import { LocalCloud, type Template } from './cloud.ts';
import { LocalEventBus } from './event-bus.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from './jwt.ts';
import { LocalQueues } from './queues.ts';
import { LocalScheduler } from './schedules.ts';
import { LocalStepFunctions } from './step-functions.ts';
import { StreamPoller } from './stream-poller.ts';

/** Synthesizes the CDK app as the local stage, without bundling, and returns its template. */
export function synthesizeTemplate(): Template {
  const outdir = mkdtempSync(join(tmpdir(), 'pia-synth-'));
  try {
    const { app, stack } = buildApp({
      bundling: false,
      outdir,
      context: { stage: 'local', jwtIssuer: LOCAL_ISSUER, jwtAudience: LOCAL_AUDIENCE },
    });
    return app.synth().getStackByName(stack.stackName).template as Template;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export interface LocalAwsOptions {
  readonly root: string;
  readonly tableName: string;
  readonly streamArn: string;
  readonly dynamoEndpoint: string;
  /**
   * Longest wait between polls of an idle stream (see `StreamPoller`); whoever makes
   * writes calls `nudgeStreams()`. @default 250, Lambda's four polls a second
   */
  readonly idlePollMs?: number;
  /** Where the stream mappings start reading (see `StreamPoller`). @default 'TRIM_HORIZON' */
  readonly streamStart?: 'TRIM_HORIZON' | 'LATEST';
  readonly cursorKey: string;
  /** Wait states last this long locally. @default 500 */
  readonly waitMs?: number;
  /** Retry intervals last this long locally. @default 100 */
  readonly retryMs?: number;
  /** PutEvents fails this many entries first (fault injection). @default 0 */
  readonly failFirstEvents?: number;
  /** StartExecution fails this many calls first (fault injection). @default 0 */
  readonly failFirstStarts?: number;
  /**
   * Every scheduled rule runs this often, in seconds; 0 switches them off.
   * @default - each rule's own rate
   */
  readonly scheduleSeconds?: number;
}

export interface LocalAws {
  readonly endpoint: string;
  readonly environment: Record<string, string>;
  readonly stepFunctions: LocalStepFunctions;
  readonly bus: LocalEventBus;
  readonly queues: LocalQueues;
  /** The scheduled rules; `run(name)` runs one at once. */
  readonly scheduler: LocalScheduler;
  /**
   * Starts the scheduler and the stream pollers; with `feeding`, only the pollers of
   * the mappings that feed these handler modules.
   */
  readonly start: (feeding?: readonly string[]) => Promise<void>;
  /** Polls every stream mapping now: something may just have written to the table. */
  readonly nudgeStreams: () => void;
  readonly stop: () => Promise<void>;
}

/**
 * The AWS side of the app, run locally from the same template `cdk deploy` would
 * deploy: Step Functions, EventBridge and SQS behind one endpoint the SDK is pointed
 * at, and the table's stream feeding the same functions the event source mappings feed.
 */
export async function startLocalAws(options: LocalAwsOptions): Promise<LocalAws> {
  const endpoint = new AwsEndpoint();
  const url = await endpoint.listen();
  let stepFunctions: LocalStepFunctions | undefined;
  let queues: LocalQueues | undefined;
  // Declared before the mappings exist: functions the cloud invokes call it.
  let nudgeStreams = () => {};
  const cloud = new LocalCloud(synthesizeTemplate(), {
    root: options.root,
    tableName: options.tableName,
    streamArn: options.streamArn,
    awsEndpoint: url,
    secretValue: options.cursorKey,
    startExecution: async (arn, input) =>
      stepFunctions?.startExecution({ stateMachineArn: arn, input }),
    sendToQueue: (queueUrl, body) => queues?.send(queueUrl, body),
    afterInvoke: () => nudgeStreams(),
  });
  stepFunctions = new LocalStepFunctions(cloud.stateMachines(), {
    waitMs: options.waitMs ?? 500,
    retryMs: options.retryMs ?? 100,
    failFirstStarts: options.failFirstStarts ?? 0,
  });
  queues = new LocalQueues(cloud.queueUrls());
  const bus = new LocalEventBus(cloud.buses(), cloud.rules(), {
    failFirstEntries: options.failFirstEvents ?? 0,
  });
  for (const service of [stepFunctions, queues, bus]) service.register(endpoint);
  const scheduler = new LocalScheduler(cloud.schedules());
  const pollers = cloud.eventSourceMappings().map((mapping) => ({
    entry: mapping.entry,
    poller: new StreamPoller(options.dynamoEndpoint, {
      ...mapping,
      ...(options.streamStart ? { startingPosition: options.streamStart } : {}),
      ...(options.idlePollMs ? { maxIdlePollMs: options.idlePollMs } : {}),
    }),
  }));
  nudgeStreams = () => {
    for (const { poller } of pollers) poller.nudge();
  };
  const environment = {
    ...cloud.environment(),
    AWS_ENDPOINT_URL_SFN: url,
    AWS_ENDPOINT_URL_EVENTBRIDGE: url,
    AWS_ENDPOINT_URL_SQS: url,
  };
  const machines = stepFunctions;
  return {
    endpoint: url,
    environment,
    stepFunctions: machines,
    nudgeStreams: () => nudgeStreams(),
    bus,
    queues,
    scheduler,
    start: async (feeding) => {
      await Promise.all(
        pollers
          .filter(({ entry }) => !feeding || feeding.includes(entry))
          .map(({ poller }) => poller.start()),
      );
      scheduler.start(options.scheduleSeconds);
    },
    stop: async () => {
      await scheduler.stop();
      await Promise.all(pollers.map(({ poller }) => poller.stop()));
      await endpoint.close();
    },
  };
}
