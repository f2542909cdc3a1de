import type { BusEvent } from './event-bus.ts';
import { localLog } from './log.ts';

/** A scheduled rule of the template, as the local runtime runs it. */
export interface LocalSchedule {
  readonly name: string;
  /** The period the template asks for, in seconds. */
  readonly periodSeconds: number;
  readonly targets: readonly ((event: BusEvent) => Promise<unknown>)[];
}

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  minute: 60,
  minutes: 60,
  hour: 3600,
  hours: 3600,
  day: 86_400,
  days: 86_400,
};

/** Seconds between runs of an EventBridge `rate(…)` expression; cron has no local stand-in. */
export function ratePeriodSeconds(expression: string): number {
  const match = /^rate\((\d+) (minutes?|hours?|days?)\)$/.exec(expression.trim());
  const unit = match?.[2] && UNIT_SECONDS[match[2]];
  if (!match || !unit)
    throw new Error(`schedule ${expression} has no local stand-in; use rate(…)`);
  return Number(match[1]) * unit;
}

/**
 * Seconds between runs of a schedule expression: `rate(…)` as written; a `cron(…)`
 * runs hourly locally when its hour field is `*`, daily otherwise (a laptop has no
 * use for minute-exact cron, and the period can be overridden anyway).
 */
export function schedulePeriodSeconds(expression: string): number {
  const cron = /^cron\((\S+) (\S+) /.exec(expression.trim());
  if (!cron) return ratePeriodSeconds(expression);
  return cron[2] === '*' ? 3600 : 86_400;
}

/** The event EventBridge hands a scheduled rule's targets. */
export function scheduledEvent(rule: string, now = new Date()): BusEvent {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'us-east-1',
    resources: [`arn:aws:events:us-east-1:000000000000:rule/${rule}`],
    detail: {},
  };
}

/**
 * Runs the template's scheduled rules on timers. Every rule runs at its own rate, or
 * every `overrideSeconds` when given (0 switches the schedules off). A run still going
 * when the next is due is not overlapped; a failing target is logged.
 */
export class LocalScheduler {
  readonly #schedules: readonly LocalSchedule[];
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Map<string, Promise<void>>();

  constructor(schedules: readonly LocalSchedule[]) {
    this.#schedules = schedules;
  }

  start(overrideSeconds?: number): void {
    if (overrideSeconds === 0) return;
    for (const schedule of this.#schedules) {
      const seconds = overrideSeconds ?? schedule.periodSeconds;
      const timer = setInterval(() => void this.run(schedule.name), seconds * 1000);
      timer.unref();
      this.#timers.push(timer);
    }
  }

  /** Runs one scheduled rule now (or joins the run in progress). */
  run(name: string): Promise<void> {
    const existing = this.#running.get(name);
    if (existing) return existing;
    const schedule = this.#schedules.find((candidate) => candidate.name === name);
    if (!schedule) return Promise.reject(new Error(`no scheduled rule ${name}`));
    const run = Promise.all(
      schedule.targets.map((deliver) =>
        deliver(scheduledEvent(name)).catch((error: unknown) => {
          localLog.error('scheduled run failed', { rule: name, error: String(error) });
        }),
      ),
    )
      .then(() => undefined)
      .finally(() => this.#running.delete(name));
    this.#running.set(name, run);
    return run;
  }

  /** Names of the scheduled rules. */
  names(): string[] {
    return this.#schedules.map((schedule) => schedule.name);
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    await Promise.all([...this.#running.values()]);
  }
}
