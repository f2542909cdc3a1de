import { fork } from 'node:child_process';
import { join } from 'node:path';
import { type DynamoTarget, localDynamoEnvironment } from './local-dynamo.ts';

const PROBE = join(import.meta.dirname, 'probes', 'calls-probe.ts');

export interface CountedInvocation {
  readonly name: string;
  readonly status: number;
  /** DynamoDB commands the invocation sent, in order. */
  readonly commands: readonly string[];
}

export interface CallCounts {
  /** The estate the probe created; other probes read it. */
  readonly estateId: string;
  readonly invocations: readonly CountedInvocation[];
  /** The GET repeated in a row, all calls counted together. */
  readonly sustained: {
    readonly requests: number;
    readonly commands: number;
    /** Of those, the rate limiter's reports of its local count. */
    readonly rateLimitReports: number;
  };
}

/** Runs the call-counting probe against a DynamoDB endpoint and table of its own. */
export function countCalls(dynamo: DynamoTarget): Promise<CallCounts> {
  return new Promise((resolve, reject) => {
    const child = fork(PROBE, [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        ...localDynamoEnvironment(dynamo),
        CURSOR_SIGNING_KEY: 'bench-cursor-key',
        POWERTOOLS_LOG_LEVEL: 'WARN',
      },
    });
    let settled = false;
    child.once('message', (message) => {
      settled = true;
      resolve(message as CallCounts);
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`call-counting probe exited with ${code}`));
    });
  });
}
