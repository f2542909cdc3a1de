import { fork } from 'node:child_process';
import { join } from 'node:path';
import { median, percentile } from './stats.ts';

const PROBE = join(import.meta.dirname, 'probes', 'middleware-probe.ts');

export interface ChainOverhead {
  readonly logLevel: string;
  readonly chainedMedianUs: number;
  readonly bareMedianUs: number;
  readonly chainedP99Us: number;
  readonly bareP99Us: number;
}

/**
 * Runs the middleware probe in a child process whose stdout goes nowhere (the access
 * log line is part of the chain's cost, the terminal is not), at the given log level.
 */
export function chainOverhead(
  iterations: number,
  logLevel: string,
): Promise<ChainOverhead> {
  return new Promise((resolve, reject) => {
    const child = fork(PROBE, [String(iterations)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        ...process.env,
        POWERTOOLS_LOG_LEVEL: logLevel,
        POWERTOOLS_SERVICE_NAME: 'bench',
        // The workspace rate limit is a DynamoDB call, not chain overhead: the call
        // counts figure accounts for it; here it is switched off.
        WORKSPACE_RATE_LIMIT_PER_MINUTE: '0',
      },
    });
    let settled = false;
    child.once('message', (message) => {
      const samples = message as { chained: number[]; bare: number[] };
      settled = true;
      resolve({
        logLevel,
        chainedMedianUs: median(samples.chained),
        bareMedianUs: median(samples.bare),
        chainedP99Us: percentile(samples.chained, 99),
        bareP99Us: percentile(samples.bare, 99),
      });
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`middleware probe exited with ${code}`));
    });
  });
}
