import { fork } from 'node:child_process';
import { join } from 'node:path';
import { FUNCTION_ENVIRONMENT } from './cold-init.ts';

const PROBE = join(import.meta.dirname, 'probes', 'memory-probe.ts');

interface Usage {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  readonly externalBytes: number;
}

export interface MemoryGrowth {
  readonly afterInit: Usage;
  readonly firstInvocationMs: number;
  readonly warm: Usage;
  readonly after: Usage;
  readonly afterSecond: Usage;
  readonly invocations: number;
  readonly elapsedMs: number;
  readonly failures: number;
}

/** Runs the memory probe with a bundled handler against a DynamoDB endpoint. */
export function memoryGrowth(
  bundle: string,
  estateId: string,
  invocations: number,
  dynamo: { readonly endpoint: string; readonly tableName: string },
): Promise<MemoryGrowth> {
  return new Promise((resolve, reject) => {
    const child = fork(PROBE, [bundle, estateId, String(invocations)], {
      execArgv: ['--enable-source-maps', '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        PATH: process.env.PATH ?? '',
        ...FUNCTION_ENVIRONMENT,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        TABLE_NAME: dynamo.tableName,
        // 10,000 invocations in seconds from one workspace would be rate limited.
        WORKSPACE_RATE_LIMIT_PER_MINUTE: '0',
      },
    });
    let settled = false;
    child.once('message', (message) => {
      settled = true;
      resolve(message as MemoryGrowth);
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`memory probe exited with ${code}`));
    });
  });
}
