import { randomUUID } from 'node:crypto';
import { type AwsEndpoint, AwsServiceError } from './aws-endpoint.ts';
import { matchesPattern, validatePattern } from './event-pattern.ts';
import { localLog } from './log.ts';

/** An event as EventBridge delivers it to a rule's targets. */
export interface BusEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: unknown;
}

export interface LocalRule {
  readonly name: string;
  readonly busName: string;
  readonly pattern: unknown;
  readonly targets: readonly {
    readonly id: string;
    readonly deliver: (event: BusEvent) => Promise<unknown>;
  }[];
}

export interface LocalEventBusOptions {
  readonly account?: string;
  readonly region?: string;
  /** Fail this many entries with InternalFailure before accepting any (fault injection). */
  readonly failFirstEntries?: number;
}

/**
 * A local EventBridge: PutEvents on the buses the CDK app defines, each event matched
 * against every rule's pattern and delivered to the rule's targets, asynchronously as
 * EventBridge does. A target that throws is retried a few times, then logged.
 */
export class LocalEventBus {
  readonly #rules: readonly LocalRule[];
  readonly #buses: ReadonlySet<string>;
  readonly #account: string;
  readonly #region: string;
  #failuresLeft: number;
  readonly #pending = new Set<Promise<void>>();
  readonly delivered: { rule: string; target: string; event: BusEvent }[] = [];
  /** Every event PutEvents accepted, matched by a rule or not, oldest first (fault drills count them). */
  readonly accepted: BusEvent[] = [];

  constructor(
    buses: readonly string[],
    rules: readonly LocalRule[],
    options: LocalEventBusOptions = {},
  ) {
    for (const rule of rules) validatePattern(rule.pattern);
    this.#buses = new Set(buses);
    this.#rules = rules;
    this.#account = options.account ?? '000000000000';
    this.#region = options.region ?? 'us-east-1';
    this.#failuresLeft = options.failFirstEntries ?? 0;
  }

  register(endpoint: AwsEndpoint): void {
    endpoint.register('AWSEvents.PutEvents', async (input) => this.putEvents(input));
  }

  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  putEvents(input: Record<string, unknown>) {
    const entries = Array.isArray(input.Entries)
      ? (input.Entries as Record<string, unknown>[])
      : [];
    if (entries.length === 0 || entries.length > 10) {
      throw new AwsServiceError(
        'ValidationException',
        'PutEvents takes from 1 to 10 entries.',
      );
    }
    const results = entries.map((entry) => this.#accept(entry));
    return {
      FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length,
      Entries: results,
    };
  }

  #accept(
    entry: Record<string, unknown>,
  ): { EventId: string } | { ErrorCode: string; ErrorMessage: string } {
    if (this.#failuresLeft > 0) {
      this.#failuresLeft -= 1;
      return { ErrorCode: 'InternalFailure', ErrorMessage: 'Injected failure.' };
    }
    const bus =
      String(entry.EventBusName ?? 'default')
        .split('/')
        .pop() ?? 'default';
    if (!this.#buses.has(bus))
      return { ErrorCode: 'NotAuthorized', ErrorMessage: `No event bus ${bus}.` };
    let detail: unknown;
    try {
      detail = JSON.parse(String(entry.Detail ?? ''));
    } catch {
      return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not valid JSON.' };
    }
    if (!entry.Source || !entry.DetailType) {
      return {
        ErrorCode: 'InvalidArgument',
        ErrorMessage: 'Source and DetailType are required.',
      };
    }
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': String(entry.DetailType),
      source: String(entry.Source),
      account: this.#account,
      time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.#region,
      resources: Array.isArray(entry.Resources) ? entry.Resources.map(String) : [],
      detail,
    };
    this.accepted.push(event);
    if (this.accepted.length > 10_000) this.accepted.shift();
    for (const rule of this.#rules) {
      if (rule.busName === bus && matchesPattern(rule.pattern, event))
        this.#deliver(rule, event);
    }
    return { EventId: event.id };
  }

  #deliver(rule: LocalRule, event: BusEvent) {
    for (const target of rule.targets) {
      const delivery = deliverWithRetry(() => target.deliver(event), 3)
        .then(() => {
          this.delivered.push({ rule: rule.name, target: target.id, event });
          if (this.delivered.length > 1000) this.delivered.shift();
        })
        .catch((error: unknown) => {
          localLog.error('event delivery failed', {
            rule: rule.name,
            error: String(error),
          });
        })
        .finally(() => this.#pending.delete(delivery));
      this.#pending.add(delivery);
    }
  }
}

async function deliverWithRetry(
  deliver: () => Promise<unknown>,
  attempts: number,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await deliver();
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
