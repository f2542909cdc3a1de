import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FUNCTION_ENVIRONMENT } from './cold-init.ts';
import type { DynamoTarget } from './local-dynamo.ts';

const PROBE = join(import.meta.dirname, 'probes', 'memory-probe.ts');

interface Usage {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  readonly externalBytes: number;
  /** Committed size of V8's new space (both semi-spaces). */
  readonly youngGenerationBytes: number;
}

export interface MemoryGrowth {
  /** The V8 and Node.js flags the probe ran with. */
  readonly flags: readonly string[];
  readonly afterInit: Usage;
  readonly firstInvocationMs: number;
  /** Invocations after the first until the young generation stopped growing. */
  readonly warmUpInvocations: number;
  readonly warm: Usage;
  readonly after: Usage;
  readonly afterSecond: Usage;
  readonly invocations: number;
  readonly elapsedMs: number;
  readonly failures: number;
}

/** The function as deployed: what sizes its heap and what its `NODE_OPTIONS` add. */
export interface DeployedFunction {
  readonly memorySize: number;
  readonly nodeOptions: string;
}

/**
 * The flags Lambda's managed Node.js runtime starts `node` with for a function of
 * `memorySize` MB: its bootstrap gives a tenth of the memory to V8's new space (half
 * of it to each semi-space) and the rest to the old space, and exposes `gc`. Command
 * line flags win over `NODE_OPTIONS`, so a function cannot loosen or tighten these
 * through its environment.
 */
export function lambdaNodeFlags(memorySize: number): string[] {
  const newSpace = Math.floor(memorySize / 10);
  return [
    '--expose-gc',
    `--max-semi-space-size=${Math.floor(newSpace / 2)}`,
    `--max-old-space-size=${memorySize - newSpace}`,
  ];
}

/**
 * Runs the memory probe with a bundled handler against a DynamoDB endpoint, in a
 * process started as Lambda starts the function. The probe itself is bundled to
 * JavaScript first: run as TypeScript, Node would load its type stripper into the
 * measured process (about 17 MB of RSS that Lambda never has, part of it freed while
 * the invocations run).
 */
export async function memoryGrowth(
  bundle: string,
  estateId: string,
  invocations: number,
  dynamo: DynamoTarget,
  deployed: DeployedFunction,
): Promise<MemoryGrowth> {
  const dir = mkdtempSync(join(tmpdir(), 'pia-bench-memory-'));
  try {
    const probe = join(dir, 'memory-probe.mjs');
    await build({
      entryPoints: [PROBE],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node26',
      logLevel: 'error',
    });
    const flags = lambdaNodeFlags(deployed.memorySize);
    const result = await runProbe(probe, [bundle, estateId, String(invocations)], flags, {
      NODE_OPTIONS: deployed.nodeOptions,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      TABLE_NAME: dynamo.tableName,
    });
    return { ...result, flags: [...flags, deployed.nodeOptions].filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runProbe(
  probe: string,
  args: readonly string[],
  flags: readonly string[],
  environment: Readonly<Record<string, string>>,
): Promise<Omit<MemoryGrowth, 'flags'>> {
  return new Promise((resolve, reject) => {
    const child = fork(probe, args, {
      execArgv: [...flags],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {
        PATH: process.env.PATH ?? '',
        ...FUNCTION_ENVIRONMENT,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        // 10,000 invocations in seconds from one workspace would be rate limited.
        WORKSPACE_RATE_LIMIT_PER_MINUTE: '0',
        ...environment,
      },
    });
    let settled = false;
    child.once('message', (message) => {
      settled = true;
      resolve(message as Omit<MemoryGrowth, 'flags'>);
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`memory probe exited with ${code}`));
    });
  });
}
