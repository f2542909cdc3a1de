import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { WORKFLOWS, type WorkflowName } from '../../functions/platform/workflows.ts';
import { type LocalAws, startLocalAws } from '../../infra/local/local-aws.ts';
import { REPO_ROOT } from '../../infra/local/runtime.ts';
import { ensureTable } from '../../infra/local/table-setup.ts';
import { eventually } from './http-client.ts';
import { tableItems } from './table.ts';

/** The handler module the table's stream feeds workflow starts to. */
export const WORKFLOW_STARTER = 'functions/events/start-workflows.ts';

/**
 * Which stream event source mappings run: `all`, as `npm start` runs them; only the
 * `workflow starts`, so workflows start as they do there while nothing publishes
 * events; or `none`, for tests that invoke the stream functions themselves.
 */
export type LocalStreams = 'all' | 'workflow starts' | 'none';

/** The handler modules whose mappings run, for `LocalAws.start`. */
const feeding = (streams: LocalStreams) =>
  streams === 'workflow starts' ? [WORKFLOW_STARTER] : undefined;

export interface LocalAwsTestOptions {
  /** Wait states last this long. @default 20 ms */
  readonly waitMs?: number;
  /** @default 'all' */
  readonly streams?: LocalStreams;
  /** PutEvents fails this many entries first (fault drills). @default 0 */
  readonly failFirstEvents?: number;
  /** StartExecution fails this many calls first (fault drills). @default 0 */
  readonly failFirstStarts?: number;
}

/**
 * Runs the local AWS stand-ins (Step Functions, EventBridge, SQS, the stream mappings)
 * from the synthesized template against this test file's table, and points the SDK at
 * them, as `npm start` does. Returns a getter for the running instance.
 */
export function useLocalAws(options: LocalAwsTestOptions = {}): () => LocalAws {
  let aws: LocalAws | undefined;
  beforeAll(async () => {
    const tableName = process.env.TABLE_NAME ?? '';
    const client = new DynamoDBClient({});
    await ensureTable(client, tableName);
    const described = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    client.destroy();
    aws = await startLocalAws({
      root: REPO_ROOT,
      tableName,
      streamArn: described.Table?.LatestStreamArn ?? '',
      dynamoEndpoint: inject('dynamoEndpoint'),
      cursorKey: process.env.CURSOR_SIGNING_KEY ?? '',
      waitMs: options.waitMs ?? 20,
      retryMs: 10,
      failFirstEvents: options.failFirstEvents ?? 0,
      failFirstStarts: options.failFirstStarts ?? 0,
      // Tests run scheduled rules themselves, through aws.scheduler.run(…).
      scheduleSeconds: 0,
    });
    const { CURSOR_SIGNING_KEY: _ignored, ...environment } = aws.environment;
    Object.assign(process.env, environment);
    const streams = options.streams ?? 'all';
    if (streams !== 'none') await aws.start(feeding(streams));
  });
  afterAll(async () => {
    await aws?.stepFunctions.idle();
    await aws?.stop();
  });
  return () => {
    if (!aws) throw new Error('local AWS is not running yet');
    return aws;
  };
}

/** The ARN of a workflow's execution with this name, as Step Functions forms it. */
export function executionArnOf(workflow: WorkflowName, name: string): string {
  const machine = process.env[WORKFLOWS[workflow]] ?? '';
  return `${machine.replace(':stateMachine:', ':execution:')}:${name}`;
}

function hasExecution(aws: LocalAws, start: Record<string, unknown>): boolean {
  const workflow = start.workflow as WorkflowName;
  const executionArn = executionArnOf(workflow, String(start.execution_name));
  try {
    aws.stepFunctions.describe({ executionArn });
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves once every workflow start in the table has become an execution and no
 * execution runs any more. A request only writes the start and the stream starts it
 * a moment later, so waiting for running executions alone could end too soon.
 */
export async function workflowsSettled(aws: LocalAws): Promise<void> {
  await eventually(async () => {
    const starts = await tableItems('workflow_start');
    return starts.every((start) => hasExecution(aws, start)) ? true : undefined;
  }, 30_000);
  await aws.stepFunctions.idle();
}
