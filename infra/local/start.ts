import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readCommandLine } from './command-line.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { PortInUseError } from './free-port.ts';
import { localLog } from './log.ts';
import { startRuntime } from './runtime.ts';

const USAGE =
  'usage: npm start -- [--port N] [--in-memory] [--data-dir path] [--wait-ms N] ' +
  '[--fail-first-events N] [--schedule-seconds N]\n' +
  '(the -- lets the options through npm: `npm start --port 4000` gives them to npm itself)';

const OPTIONS = {
  'in-memory': { type: 'boolean', default: process.env.LOCAL_IN_MEMORY === '1' },
  port: { type: 'string', default: process.env.PORT ?? '3000' },
  'data-dir': { type: 'string', default: process.env.DATA_DIR },
  'wait-ms': { type: 'string', default: process.env.LOCAL_WAIT_MS ?? '500' },
  'fail-first-events': {
    type: 'string',
    default: process.env.LOCAL_FAIL_FIRST_EVENTS ?? '0',
  },
  'schedule-seconds': { type: 'string', default: process.env.LOCAL_SCHEDULE_SECONDS },
} as const;

const { values } = readCommandLine(OPTIONS, USAGE);

const port = Number(values.port);
const waitMs = Number(values['wait-ms']);
const failFirstEvents = Number(values['fail-first-events']);
if (
  !Number.isInteger(waitMs) ||
  waitMs < 0 ||
  !Number.isInteger(failFirstEvents) ||
  failFirstEvents < 0
) {
  console.error(
    'LOCAL_WAIT_MS and LOCAL_FAIL_FIRST_EVENTS must be whole numbers of 0 or more.',
  );
  process.exit(2);
}
const scheduleSeconds =
  values['schedule-seconds'] === undefined
    ? undefined
    : Number(values['schedule-seconds']);
if (
  scheduleSeconds !== undefined &&
  (!Number.isFinite(scheduleSeconds) || scheduleSeconds < 0)
) {
  console.error('LOCAL_SCHEDULE_SECONDS must be a number of seconds, 0 or more.');
  process.exit(2);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

/**
 * Makes sure the data folder exists and can be written, one level at a time: Node's
 * recursive mkdir spins for ever under some special file systems (/proc). Returns a
 * one-line reason when it cannot be used.
 */
function unusableDataDir(path: string): string | undefined {
  const missing: string[] = [];
  try {
    for (let at = resolve(path); ; at = dirname(at)) {
      try {
        statSync(at);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || at === dirname(at))
          throw error;
        missing.unshift(at);
      }
    }
    for (const folder of missing) mkdirSync(folder);
    if (!statSync(path).isDirectory()) return `${path} is not a folder`;
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const dataDir = values['data-dir'];
const dataDirProblem = dataDir === undefined ? undefined : unusableDataDir(dataDir);
if (dataDirProblem !== undefined) {
  console.error(`--data-dir (DATA_DIR) cannot hold the local data: ${dataDirProblem}`);
  process.exit(2);
}

try {
  const runtime = await startRuntime({
    port,
    inMemory: values['in-memory'],
    waitMs,
    failFirstEvents,
    ...(scheduleSeconds === undefined ? {} : { scheduleSeconds }),
    ...(dataDir ? { dataDir } : {}),
  });
  localLog.info('local runtime ready', {
    url: runtime.url,
    dynamodb: runtime.dynamoEndpoint,
    table: runtime.tableName,
    storage: values['in-memory'] ? 'memory' : 'disk',
  });
  const shutdown = async () => {
    await runtime.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  // Failures with a remedy the message names read as that line alone; any other keeps
  // its stack. Either way startRuntime has already stopped what it started.
  // A driver misconfiguration (SIM_FAILURES, DRIVER_*) is recognised by its name, which
  // is part of the drivers' contract, as Step Functions recognises their errors.
  const driverConfig = error instanceof Error && error.name === 'DriverConfigError';
  if (
    error instanceof JavaMissingError ||
    error instanceof PortInUseError ||
    driverConfig
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
