/**
 * Severity of each log level. A logger prints the lines at its own level and above;
 * SILENT prints nothing. The names are the ones POWERTOOLS_LOG_LEVEL has always
 * taken; AWS Lambda's own FATAL is read as CRITICAL.
 */
const SEVERITY = {
  TRACE: 6,
  DEBUG: 8,
  INFO: 12,
  WARN: 16,
  ERROR: 20,
  CRITICAL: 24,
  SILENT: 28,
} as const;

export type LogLevel = keyof typeof SEVERITY;

/** Domain keys a line carries beside its message, e.g. `{ estate_id }`. */
export type LogAttributes = Readonly<Record<string, unknown>>;

/** Keys every line starts with; a call's own attributes cannot replace them. */
const RESERVED = new Set(['level', 'message', 'timestamp', 'service']);

export interface LoggerOptions {
  /** The `service` key of every line. */
  readonly service: string;
  readonly level: LogLevel;
  /**
   * Receives each finished line (without its newline).
   * @default - DEBUG and INFO to stdout, WARN and ERROR to stderr
   */
  readonly write?: (level: LogLevel, line: string) => void;
  /**
   * Reads the X-Ray trace header Lambda sets for the current invocation.
   * @default - `_X_AMZN_TRACE_ID` from the environment
   */
  readonly traceHeader?: () => string | undefined;
  /** @default - the current time */
  readonly now?: () => Date;
}

const writeToStreams = (level: LogLevel, line: string) => {
  const stream = SEVERITY[level] >= SEVERITY.WARN ? process.stderr : process.stdout;
  stream.write(`${line}\n`);
};

/**
 * Writes one JSON object per line: level, message, timestamp (ISO 8601, UTC), service,
 * the X-Ray trace ID when there is one, then the call's attributes. Errors anywhere in
 * the attributes become `{ name, message, stack, cause, …own fields }`, bigints their
 * decimal text. Nothing is kept from one call to the next, so concurrent requests in
 * one process (the local runtime) never see each other's keys.
 */
export class Logger {
  readonly #threshold: number;
  readonly #service: string;
  readonly #write: (level: LogLevel, line: string) => void;
  readonly #traceHeader: () => string | undefined;
  readonly #now: () => Date;

  constructor(options: LoggerOptions) {
    this.#threshold = SEVERITY[options.level];
    this.#service = options.service;
    this.#write = options.write ?? writeToStreams;
    this.#traceHeader = options.traceHeader ?? (() => process.env._X_AMZN_TRACE_ID);
    this.#now = options.now ?? (() => new Date());
  }

  debug(message: string, attributes?: LogAttributes): void {
    this.#log('DEBUG', message, attributes);
  }

  info(message: string, attributes?: LogAttributes): void {
    this.#log('INFO', message, attributes);
  }

  warn(message: string, attributes?: LogAttributes): void {
    this.#log('WARN', message, attributes);
  }

  error(message: string, attributes?: LogAttributes): void {
    this.#log('ERROR', message, attributes);
  }

  #log(level: LogLevel, message: string, attributes: LogAttributes = {}): void {
    if (SEVERITY[level] < this.#threshold) return;
    const line: Record<string, unknown> = {
      level,
      message,
      timestamp: this.#now().toISOString(),
      service: this.#service,
    };
    const traceId = traceIdOf(this.#traceHeader());
    if (traceId) line.xray_trace_id = traceId;
    for (const [key, value] of Object.entries(attributes)) {
      // An absent value says nothing; dropping it keeps lines short.
      if (RESERVED.has(key) || value === undefined || value === null || value === '')
        continue;
      line[key] = value;
    }
    this.#write(level, JSON.stringify(line, jsonReplacer()));
  }
}

/** `Root=1-…;Parent=…;Sampled=1` → `1-…`. */
function traceIdOf(header: string | undefined): string | undefined {
  const root = header?.split(';').find((part) => part.startsWith('Root='));
  return root?.slice('Root='.length) || undefined;
}

/**
 * An error as plain data. A cause that is an error becomes data in turn when the
 * replacer meets it.
 */
function errorFields(error: Error): Record<string, unknown> {
  const { name, message, stack, cause } = error;
  const fields: Record<string, unknown> = { name, message, stack, cause };
  // Own fields carry what the error's class adds: an SDK error's $metadata (HTTP
  // status, AWS request ID), an API error's code.
  for (const [key, value] of Object.entries(error)) {
    if (!(key in fields)) fields[key] = value;
  }
  return fields;
}

/**
 * A JSON.stringify replacer for log lines: errors and bigints become data, and an
 * object met again inside itself is left out instead of failing the whole line.
 */
function jsonReplacer() {
  // The objects enclosing the value being written, as written and as they were.
  const written: object[] = [];
  const originals: object[] = [];
  return function replace(this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object' || value === null) return value;
    // JSON.stringify calls the replacer with the enclosing object as `this`: unwind
    // to it, so that only the value's own ancestors count as a cycle.
    while (written.length > 0 && written.at(-1) !== this) {
      written.pop();
      originals.pop();
    }
    if (originals.includes(value)) return undefined;
    const data = value instanceof Error ? errorFields(value) : value;
    written.push(data);
    originals.push(value);
    return data;
  };
}

/**
 * The level from the environment: AWS Lambda's advanced logging controls
 * (`AWS_LAMBDA_LOG_LEVEL`, where FATAL means CRITICAL) win over
 * `POWERTOOLS_LOG_LEVEL`; without either, INFO. Unknown names are ignored.
 */
export function logLevelFrom(
  env: Readonly<Record<string, string | undefined>>,
): LogLevel {
  for (const name of [env.AWS_LAMBDA_LOG_LEVEL, env.POWERTOOLS_LOG_LEVEL]) {
    const level = name?.toUpperCase() === 'FATAL' ? 'CRITICAL' : name?.toUpperCase();
    if (level && Object.hasOwn(SEVERITY, level)) return level as LogLevel;
  }
  return 'INFO';
}

/** The one logger every function uses: service name and level from the environment. */
export const logger = new Logger({
  service: process.env.POWERTOOLS_SERVICE_NAME ?? 'platforms-infrastructure-api',
  level: logLevelFrom(process.env),
});
