/** A schedule of the template, runnable locally. */
export interface LocalSchedule {
  readonly name: string;
  /** The schedule expression as the template states it, e.g. `cron(5 * * * ? *)`. */
  readonly expression: string;
  /** Invokes the target with the input the schedule would send at `time`. */
  readonly fire: (time: Date) => Promise<unknown>;
}

/**
 * Stands in for EventBridge Scheduler: every schedule of the template fires on one
 * local period instead of its expression (an hourly schedule is no use on a laptop),
 * each run waiting for the one before it to finish. A failing run is logged, as the
 * scheduler would retry it and then give up.
 */
export class LocalScheduler {
  readonly #schedules: readonly LocalSchedule[];
  readonly #periodMs: number;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Map<string, Promise<unknown>>();

  constructor(schedules: readonly LocalSchedule[], periodMs: number) {
    this.#schedules = schedules;
    this.#periodMs = periodMs;
  }

  /** How many schedules the template holds. */
  get size(): number {
    return this.#schedules.length;
  }

  start(): void {
    for (const schedule of this.#schedules) {
      const timer = setInterval(() => this.#tick(schedule), this.#periodMs);
      timer.unref();
      this.#timers.push(timer);
    }
  }

  #tick(schedule: LocalSchedule): void {
    if (this.#running.has(schedule.name)) return;
    const run = schedule
      .fire(new Date())
      .catch((error: unknown) =>
        console.error(
          JSON.stringify({
            level: 'ERROR',
            message: 'schedule target failed',
            schedule: schedule.name,
            error: String(error),
          }),
        ),
      )
      .finally(() => this.#running.delete(schedule.name));
    this.#running.set(schedule.name, run);
  }

  async stop(): Promise<void> {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    await Promise.all(this.#running.values());
  }
}
