import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import {
  Logger,
  type LoggerOptions,
  type LogLevel,
  logLevelFrom,
} from '../../../functions/platform/logger.ts';

const NOW = new Date('2026-03-14T09:26:53.589Z');
const TRACE_HEADER =
  'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';

/** A logger that keeps its lines, parsed, with the level they were written at. */
function capturingLogger(options: Partial<LoggerOptions> = {}) {
  const lines: { level: LogLevel; json: Record<string, unknown> }[] = [];
  const logger = new Logger({
    service: 'estates',
    level: 'INFO',
    now: () => NOW,
    traceHeader: () => undefined,
    write: (level, line) => lines.push({ level, json: JSON.parse(line) }),
    ...options,
  });
  return { logger, lines, json: () => lines.map((line) => line.json) };
}

/** An INFO line with no attributes, as `capturingLogger` writes it. */
const bareLine = (message: string) => ({
  level: 'INFO',
  message,
  timestamp: NOW.toISOString(),
  service: 'estates',
});

describe('Logger', () => {
  it('writes level, message, timestamp and service first, then the attributes', () => {
    const { logger, lines } = capturingLogger();

    logger.info('request', { route: 'GET /v1/x', status: 200 });

    expect(lines).toHaveLength(1);
    expect(Object.entries(lines[0]?.json ?? {})).toEqual([
      ['level', 'INFO'],
      ['message', 'request'],
      ['timestamp', '2026-03-14T09:26:53.589Z'],
      ['service', 'estates'],
      ['route', 'GET /v1/x'],
      ['status', 200],
    ]);
  });

  it('writes INFO lines to stdout and WARN lines to stderr, one per line', () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const logger = new Logger({ service: 'estates', level: 'INFO' });

    logger.info('request');
    logger.warn('provider error');
    const [out, err] = [stdout, stderr].map((spy) =>
      spy.mock.calls.map(([text]) => String(text)),
    );
    stdout.mockRestore();
    stderr.mockRestore();

    expect(out).toEqual([
      expect.stringMatching(/^\{"level":"INFO","message":"request",.*\}\n$/),
    ]);
    expect(err).toEqual([
      expect.stringMatching(/^\{"level":"WARN","message":"provider error",.*\}\n$/),
    ]);
  });

  it('adds the X-Ray trace ID when Lambda set a trace header', () => {
    const { logger, json } = capturingLogger({ traceHeader: () => TRACE_HEADER });

    logger.warn('table throttled');

    expect(json()[0]).toMatchObject({
      level: 'WARN',
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
    });
  });

  it('reads the trace header at each call, as it changes with each invocation', () => {
    let header = 'Root=1-aaaaaaaa-000000000000000000000001';
    const { logger, json } = capturingLogger({ traceHeader: () => header });

    logger.info('first');
    header = 'Root=1-aaaaaaaa-000000000000000000000002';
    logger.info('second');

    expect(json().map((line) => line.xray_trace_id)).toEqual([
      '1-aaaaaaaa-000000000000000000000001',
      '1-aaaaaaaa-000000000000000000000002',
    ]);
  });

  it('prints its own level and above and drops the rest', () => {
    const { logger, lines } = capturingLogger({ level: 'WARN' });

    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');

    expect(lines.map((line) => [line.level, line.json.message])).toEqual([
      ['WARN', 'w'],
      ['ERROR', 'e'],
    ]);
  });

  it('prints nothing at SILENT and everything at TRACE', () => {
    const silent = capturingLogger({ level: 'SILENT' });
    const trace = capturingLogger({ level: 'TRACE' });

    for (const { logger } of [silent, trace]) {
      logger.debug('d');
      logger.error('e');
    }

    expect(silent.lines).toEqual([]);
    expect(trace.lines.map((line) => line.level)).toEqual(['DEBUG', 'ERROR']);
  });

  it('keeps nothing from one call to the next', () => {
    const { logger, json } = capturingLogger();

    logger.info('task', { estate_id: 'ESTATE-26-000001', task: 'provision-network' });
    logger.info('task');

    expect(json()[1]).toEqual(bareLine('task'));
  });

  it('never lets an attribute replace level, message, timestamp or service', () => {
    const { logger, json } = capturingLogger();

    logger.info('request', { level: 'DEBUG', message: 'x', timestamp: 0, service: 'y' });

    expect(json()[0]).toEqual(bareLine('request'));
  });

  it('leaves out top-level attributes that are undefined, null or empty', () => {
    const { logger, json } = capturingLogger();

    logger.info('request', {
      method: undefined,
      route: null,
      status: '',
      nested: { a: null },
    });

    expect(json()[0]).not.toHaveProperty('method');
    expect(json()[0]).not.toHaveProperty('route');
    expect(json()[0]).not.toHaveProperty('status');
    expect(json()[0]?.nested).toEqual({ a: null });
  });

  it('writes an error as name, message, stack, cause and its own fields', () => {
    const { logger, json } = capturingLogger();
    const cause = new TypeError('socket hang up');
    const error = Object.assign(new Error('estate health poll failed', { cause }), {
      code: 'poll_failed',
    });

    logger.error('unhandled error', { error, request_id: 'req-1' });

    expect(json()[0]).toMatchObject({
      error: {
        name: 'Error',
        message: 'estate health poll failed',
        stack: expect.stringContaining('estate health poll failed'),
        code: 'poll_failed',
        cause: {
          name: 'TypeError',
          message: 'socket hang up',
          stack: expect.stringContaining('TypeError: socket hang up'),
        },
      },
      request_id: 'req-1',
    });
  });

  it('keeps the HTTP status and AWS request ID of an SDK error', () => {
    const { logger, json } = capturingLogger();
    const error = new ConditionalCheckFailedException({
      message: 'The conditional request failed',
      $metadata: { httpStatusCode: 400, requestId: 'AWS-REQ-1' },
    });

    logger.warn('idempotency record not settled', { error });

    expect(json()[0]?.error).toMatchObject({
      name: 'ConditionalCheckFailedException',
      message: 'The conditional request failed',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'AWS-REQ-1' },
    });
  });

  it('writes bigints as decimal text', () => {
    const { logger, json } = capturingLogger();

    logger.info('usage collected', { femto_usd: 12_345_678_901_234_567_890n });

    expect(json()[0]?.femto_usd).toBe('12345678901234567890');
  });

  it('leaves out an object met again inside itself and still writes the line', () => {
    const { logger, json } = capturingLogger();
    const input: Record<string, unknown> = { estate_id: 'ESTATE-26-000001' };
    input.self = input;
    const error: Error & { again?: unknown } = new Error('loop');
    error.cause = error;
    error.again = error;

    logger.warn('task failed', { input, error, twice: [input, input] });

    const line = json()[0];
    expect(line?.input).toEqual({ estate_id: 'ESTATE-26-000001' });
    expect(line?.error).toMatchObject({ name: 'Error', message: 'loop' });
    expect(line?.error).not.toHaveProperty('cause');
    expect(line?.twice).toEqual([
      { estate_id: 'ESTATE-26-000001' },
      { estate_id: 'ESTATE-26-000001' },
    ]);
  });
});

describe('logLevelFrom', () => {
  it('defaults to INFO', () => {
    expect(logLevelFrom({})).toBe('INFO');
  });

  it('reads POWERTOOLS_LOG_LEVEL in any case', () => {
    expect(logLevelFrom({ POWERTOOLS_LOG_LEVEL: 'warn' })).toBe('WARN');
  });

  it('lets Lambda’s log level win, reading FATAL as CRITICAL', () => {
    expect(
      logLevelFrom({ AWS_LAMBDA_LOG_LEVEL: 'ERROR', POWERTOOLS_LOG_LEVEL: 'DEBUG' }),
    ).toBe('ERROR');
    expect(logLevelFrom({ AWS_LAMBDA_LOG_LEVEL: 'FATAL' })).toBe('CRITICAL');
  });

  it('ignores names it does not know', () => {
    expect(logLevelFrom({ POWERTOOLS_LOG_LEVEL: 'verbose' })).toBe('INFO');
    expect(logLevelFrom({ POWERTOOLS_LOG_LEVEL: 'constructor' })).toBe('INFO');
  });
});
