import { mkdirSync, writeFileSync } from 'node:fs';

/** One answer that broke a property, with what it takes to send the request again. */
export interface Failure {
  readonly route: string;
  readonly mutation: string;
  readonly status: number;
  readonly problems: readonly string[];
  readonly request: unknown;
}

/** Counts what a fuzzing run sent and got back, and keeps every failure. */
export class Tally {
  requests = 0;
  readonly statuses = new Map<number, number>();
  readonly codes = new Map<string, number>();
  readonly failures: Failure[] = [];

  count(status: number, code: unknown): void {
    this.requests += 1;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (typeof code === 'string') this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }

  fail(failure: Failure): void {
    this.failures.push(failure);
  }

  summary(label: string, seed: number) {
    const sorted = <K>(map: Map<K, number>) =>
      Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      label,
      seed,
      requests: this.requests,
      statuses: sorted(this.statuses),
      codes: sorted(this.codes),
      failures: this.failures.length,
      first_failures: this.failures.slice(0, 20),
    };
  }

  /** Prints the summary and keeps it in `.reports/` for the docs and CI. */
  report(label: string, seed: number): void {
    const summary = this.summary(label, seed);
    mkdirSync('.reports', { recursive: true });
    writeFileSync(`.reports/${label}.json`, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(JSON.stringify(summary));
  }
}

/** The fuzzing seed: FUZZ_SEED, or a fixed one so `npm test` is repeatable. */
export const fuzzSeed = () => Number(process.env.FUZZ_SEED ?? 20260415);

/** How many requests a fuzzing file sends in all: FUZZ_RUNS, or `fallback`. */
export const fuzzRuns = (fallback: number) => Number(process.env.FUZZ_RUNS ?? fallback);
