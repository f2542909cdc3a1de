import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ROUTES } from '../../functions/http/routes.ts';
import { createGateway } from './api-gateway.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { bindError, requireFreePort } from './free-port.ts';
import { loadOrCreateKeys } from './jwt.ts';
import { type LocalAws, startLocalAws } from './local-aws.ts';
import { ensureTable } from './table-setup.ts';

/** The longest wait between polls of an idle table stream. */
const IDLE_POLL_MS = 2000;

/** Methods whose requests write nothing the stream mappings pass on. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export interface RuntimeOptions {
  /** Port for the HTTP API; 0 picks a free one. @default 3000 */
  readonly port?: number;
  /** Folder for the database, keys and state. @default `.data` in the repository */
  readonly dataDir?: string;
  /** Keep the database in memory (keys still live in dataDir). @default false */
  readonly inMemory?: boolean;
  readonly tableName?: string;
  /** Wait states of the workflows last this long locally, in ms. @default 500 */
  readonly waitMs?: number;
  /** PutEvents fails this many entries before accepting any (fault injection). @default 0 */
  readonly failFirstEvents?: number;
  /** Scheduled rules run this often, in seconds; 0 switches them off. @default each rule's rate */
  readonly scheduleSeconds?: number;
}

export interface Runtime {
  readonly url: string;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  readonly aws: LocalAws;
  readonly stop: () => Promise<void>;
}

function cursorKey(dir: string): string {
  const path = join(dir, 'cursor-signing.key');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * Points the AWS SDK at the local stand-ins through its own configuration, exactly as
 * Lambda's environment points it at AWS: handlers read the same variables in both.
 */
function configureEnvironment(env: Record<string, string>) {
  Object.assign(process.env, {
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...env,
  });
}

/** Variables set in the shell that win over the template's, e.g. for a small e2e limit. */
const OVERRIDABLE = ['WORKSPACE_RATE_LIMIT_PER_MINUTE'];

function explicitOverrides(): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of OVERRIDABLE) {
    const value = process.env[name];
    if (value !== undefined) overrides[name] = value;
  }
  return overrides;
}

/**
 * Starts DynamoDB Local, the table, and the HTTP API in this process. Throws
 * PortInUseError, before starting anything, when the API's port is taken; whatever
 * fails later stops what was already started (DynamoDB Local above all, a child
 * process that would outlive this one) before the error reaches the caller.
 */
export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const requestedPort = options.port ?? 3000;
  await requireFreePort(requestedPort);
  const started: (() => Promise<void>)[] = [];
  const stop = async () => {
    const failures: unknown[] = [];
    // The last started is the first stopped; one that fails does not keep the rest up.
    for (const stopOne of started.splice(0).reverse())
      await stopOne().catch((error: unknown) => failures.push(error));
    if (failures.length > 0)
      throw new AggregateError(failures, 'the local runtime did not stop cleanly');
  };
  try {
    return { ...(await startParts(options, requestedPort, started)), stop };
  } catch (error) {
    // The start-up failure is the one to report, not a later one of stopping.
    await stop().catch(() => undefined);
    throw error;
  }
}

async function startParts(
  options: RuntimeOptions,
  requestedPort: number,
  started: (() => Promise<void>)[],
): Promise<Omit<Runtime, 'stop'>> {
  const overrides = explicitOverrides();
  const dataDir = resolve(options.dataDir ?? join(REPO_ROOT, '.data'));
  const keysDir = join(dataDir, 'keys');
  const tableName = options.tableName ?? 'platforms-infrastructure-local';
  const dynamo = await startDynamoDbLocal({
    dataDir: options.inMemory ? undefined : join(dataDir, 'dynamodb'),
  });
  started.push(dynamo.stop);
  const cursorSigningKey = cursorKey(keysDir);
  configureEnvironment({
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: tableName,
  });
  const client = new DynamoDBClient({});
  const table = await ensureTable(client, tableName);
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  client.destroy();
  const aws = await startLocalAws({
    root: REPO_ROOT,
    tableName,
    streamArn: described.Table?.LatestStreamArn ?? '',
    dynamoEndpoint: dynamo.endpoint,
    // A table kept from an earlier run had its stream consumed by that run.
    streamStart: table.created ? 'TRIM_HORIZON' : 'LATEST',
    // An idle stream is polled less and less often, down to once every two seconds,
    // and at once after anything that may write: every function the runtime invokes
    // and every API request but a read. Polling four times a second per mapping while
    // idle took CPU from the requests being served.
    idlePollMs: IDLE_POLL_MS,
    cursorKey: cursorSigningKey,
    ...(options.waitMs === undefined ? {} : { waitMs: options.waitMs }),
    ...(options.failFirstEvents === undefined
      ? {}
      : { failFirstEvents: options.failFirstEvents }),
    ...(options.scheduleSeconds === undefined
      ? {}
      : { scheduleSeconds: options.scheduleSeconds }),
  });
  started.push(() => aws.stop());
  configureEnvironment({ ...aws.environment, ...overrides });
  const keys = await loadOrCreateKeys(keysDir);
  const server = await createGateway({
    routes: ROUTES,
    root: REPO_ROOT,
    keys,
    afterRequest: (method) => {
      if (!READS.has(method)) aws.nudgeStreams();
    },
  });
  started.push(() => new Promise<void>((done) => server.close(() => done())));
  // Streams are read from before the first request can write to the table.
  await aws.start();
  const port = await listen(server, requestedPort);
  return {
    url: `http://127.0.0.1:${port}`,
    dynamoEndpoint: dynamo.endpoint,
    tableName,
    aws,
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    // Another process may take the port between the check at the start and now.
    server.once('error', (error) => reject(bindError(port, error)));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}
