import { DRIVER_OPERATIONS, type DriverOperation, isDriverOperation } from './driver.ts';
import {
  DriverConfigError,
  PermanentDriverError,
  TransientDriverError,
} from './errors.ts';

/** One parsed entry of `SIM_FAILURES`. */
export interface FailureRule {
  readonly operation: DriverOperation;
  /** Substring an operation's subject must contain, or null for every subject. */
  readonly subject: string | null;
  readonly mode: 'transient' | 'permanent';
  /** How many calls per subject fail; Infinity for permanent rules. */
  readonly count: number;
  /** The entry as written, for error messages. */
  readonly spec: string;
}

const ENTRY =
  /^(?<operation>[^@:]+)(?:@(?<subject>[^:]*))?:(?<mode>[^:]+)(?::(?<count>.*))?$/;

function parseEntry(spec: string): FailureRule {
  const fail = (reason: string) =>
    new DriverConfigError(`SIM_FAILURES entry "${spec}": ${reason}`);
  const parts = ENTRY.exec(spec)?.groups;
  if (!parts?.operation || !parts.mode)
    throw fail('expected <operation>[@<subject>]:<transient|permanent>[:<count>].');
  const { operation, subject, mode, count } = parts;

  if (!isDriverOperation(operation))
    throw fail(
      `unknown operation "${operation}"; one of ${DRIVER_OPERATIONS.join(', ')}.`,
    );
  if (subject === '') throw fail('the subject after @ is empty.');
  if (mode !== 'transient' && mode !== 'permanent')
    throw fail(`unknown mode "${mode}"; transient or permanent.`);
  if (mode === 'permanent' && count !== undefined)
    throw fail('a permanent failure always fails and takes no count.');
  if (count !== undefined && !/^[1-9]\d*$/.test(count))
    throw fail(`the count "${count}" is not a positive whole number.`);
  return {
    operation,
    subject: subject ?? null,
    mode,
    count: mode === 'permanent' ? Number.POSITIVE_INFINITY : Number(count ?? 1),
    spec,
  };
}

/**
 * Parses the failure-injection spec of the simulated driver.
 *
 * Grammar: a comma-separated list of entries (spaces around entries are ignored,
 * an empty spec injects nothing), each
 *
 *     <operation>[@<subject>]:<transient|permanent>[:<count>]
 *
 * - `operation` is a {@link DriverOperation} name, e.g. `provisionNetwork`;
 * - `subject`, if given, is a case-sensitive substring of the call's subject (estate
 *   ID or name, service ID or name, deployment ID, provider resource or image);
 *   without it the entry matches every call of the operation;
 * - `transient` fails the first `count` calls (default 1) per subject with a
 *   `TransientDriverError`, then lets calls through;
 * - `permanent` fails every call with a `PermanentDriverError` and takes no count.
 *
 * Example: `provisionNetwork:transient:2,rollBatch@payments-api:permanent`.
 * @throws DriverConfigError naming the bad entry and what is wrong with it.
 */
export function parseFailures(spec: string): FailureRule[] {
  const entries = spec.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) return [];
  return entries.map(parseEntry);
}

/** The subjects of one call: the first is its identity, all are matched by substring. */
export interface FailureCall {
  readonly operation: DriverOperation;
  readonly subjects: readonly [string, ...string[]];
}

/** Throws the failure a call is configured to meet, if any. */
export type FaultInjector = (call: FailureCall) => void;

/**
 * Applies failure rules to calls. Attempts of transient rules are counted per rule
 * and per call identity (e.g. per estate ID) in this process's memory: that is
 * enough for fault injection, but a rule's count restarts in every new process.
 */
export function createFaultInjector(rules: readonly FailureRule[]): FaultInjector {
  const attempts = new Map<string, number>();

  return ({ operation, subjects }) => {
    rules.forEach((rule, index) => {
      if (rule.operation !== operation) return;
      const { subject } = rule;
      if (subject !== null && !subjects.some((text) => text.includes(subject))) return;
      const key = `${index}|${subjects[0]}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      if (attempt > rule.count) return;

      attempts.set(key, attempt);
      throw injected(rule, subjects[0], attempt);
    });
  };
}

function injected(rule: FailureRule, identity: string, attempt: number): Error {
  const cause = new Error(`Injected by SIM_FAILURES entry "${rule.spec}".`);
  if (rule.mode === 'permanent')
    return new PermanentDriverError(
      `Simulated permanent failure of ${rule.operation} for ${identity}.`,
      { cause },
    );
  return new TransientDriverError(
    `Simulated transient failure of ${rule.operation} for ${identity} ` +
      `(attempt ${attempt} of ${rule.count}).`,
    { cause },
  );
}
