import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { matchesPattern } from './event-pattern.ts';
import { localLog } from './log.ts';

export interface EventSourceMappingOptions {
  readonly streamArn: string;
  readonly invoke: (event: unknown) => Promise<unknown>;
  /** @default 100 */
  readonly batchSize?: number;
  /** Lambda event filter patterns; a record is passed on when any matches. */
  readonly filters?: readonly unknown[];
  /** Retries of a failing batch before it goes to the failure destination. @default 3 */
  readonly maxRetryAttempts?: number;
  /** Split a failing batch in two and retry the halves. @default true */
  readonly bisectOnError?: boolean;
  /** Receives what Lambda would send to the on-failure destination. */
  readonly onFailure?: (failure: unknown) => Promise<void>;
  /**
   * Where to start reading the shards found when polling begins: `TRIM_HORIZON`
   * (every record the stream still holds) for a new table; `LATEST` for a table an
   * earlier run already consumed, as a deployed mapping resumes from its checkpoint
   * instead of replaying what it delivered before. Shards that appear later are read
   * from their start. @default 'TRIM_HORIZON'
   */
  readonly startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /**
   * Milliseconds between polls of an idle shard. @default 250, the four polls a
   * second Lambda makes of each shard.
   */
  readonly pollMs?: number;
  /**
   * Longest wait between polls once the stream has stayed idle: the wait doubles from
   * `pollMs` after each empty poll up to this, and `nudge()` cuts it short.
   * @default pollMs (no backing off)
   */
  readonly maxIdlePollMs?: number;
}

const SHARD_LISTING_MS = 1000;

type LambdaRecord = Record<string, unknown> & {
  dynamodb: Record<string, unknown> & { SequenceNumber?: string | undefined };
};

/** Shapes a stream record the way Lambda's event source mapping passes it on. */
function toLambdaRecord(record: StreamRecord, streamArn: string): LambdaRecord {
  const data = record.dynamodb ?? {};
  const created = data.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'us-east-1',
    dynamodb: {
      ...data,
      ApproximateCreationDateTime:
        created instanceof Date ? Math.floor(created.getTime() / 1000) : created,
    },
    eventSourceARN: streamArn,
  };
}

/**
 * The local stand-in for a DynamoDB stream event source mapping: polls DynamoDB
 * Local's stream, filters records with the mapping's patterns, invokes the function
 * in batches, honours partial batch responses, bisects failing batches, and sends what
 * still fails to the failure destination.
 */
export class StreamPoller {
  readonly #client: DynamoDBStreamsClient;
  readonly #options: Required<Omit<EventSourceMappingOptions, 'onFailure'>> &
    Pick<EventSourceMappingOptions, 'onFailure'>;
  readonly #iterators = new Map<string, string | null>();
  #running = false;
  #loop: Promise<void> | undefined;
  #busy = false;
  /** When the shards were last listed; undefined until polling starts. */
  #shardsListedAt: number | undefined;
  /** A shard closed since the last listing: its successor holds the next records. */
  #shardClosed = false;
  #stopped = false;
  #idleMs: number;
  #wake: (() => void) | undefined;

  constructor(endpoint: string, options: EventSourceMappingOptions) {
    this.#client = new DynamoDBStreamsClient({
      endpoint,
      region: process.env.AWS_REGION ?? 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const pollMs = options.pollMs ?? 250;
    this.#options = {
      batchSize: 100,
      filters: [],
      maxRetryAttempts: 3,
      bisectOnError: true,
      startingPosition: 'TRIM_HORIZON',
      ...options,
      pollMs,
      maxIdlePollMs: options.maxIdlePollMs ?? pollMs,
    };
    this.#idleMs = pollMs;
  }

  /**
   * Takes an iterator for every shard, then keeps polling in the background. Resolves
   * once the iterators are held, so a write made after it is never missed, even when
   * reading starts at `LATEST`.
   */
  async start(): Promise<void> {
    await this.#refreshShards();
    if (this.#stopped) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#running = false;
    await this.#loop;
    this.#client.destroy();
  }

  /** True while a batch is being handed to the function. */
  get busy(): boolean {
    return this.#busy;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let received = 0;
      try {
        await this.#refreshShards();
        for (const shardId of this.#iterators.keys())
          received += await this.#pollShard(shardId);
      } catch (error) {
        localLog.error('stream poll failed', { error: String(error) });
      }
      if (received > 0) this.#idleMs = this.#options.pollMs;
      else await this.#sleep();
    }
  }

  /** Waits the current idle interval, then lengthens it (up to `maxIdlePollMs`). */
  async #sleep(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.#idleMs);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
    this.#idleMs = Math.min(this.#idleMs * 2, this.#options.maxIdlePollMs);
  }

  /**
   * Something may just have written to the table: poll now rather than at the end of
   * an idle wait, and at the busy rate again.
   */
  nudge(): void {
    this.#idleMs = this.#options.pollMs;
    this.#wake?.();
  }

  /**
   * Looks for new shards at most once a second, or at once when a shard has just
   * closed (its successor holds the next records). Listing them on every poll made
   * an idle runtime call DescribeStream ten times a second per mapping, competing
   * with the requests it serves.
   */
  async #refreshShards(): Promise<void> {
    const listedAt = this.#shardsListedAt;
    const listedBefore = listedAt !== undefined;
    const due = !listedBefore || performance.now() - listedAt >= SHARD_LISTING_MS;
    if (!due && !this.#shardClosed) return;
    this.#shardsListedAt = performance.now();
    this.#shardClosed = false;
    const { StreamDescription } = await this.#client.send(
      new DescribeStreamCommand({ StreamArn: this.#options.streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || this.#iterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await this.#client.send(
        new GetShardIteratorCommand({
          StreamArn: this.#options.streamArn,
          ShardId: shard.ShardId,
          // Only the shards there when polling starts may hold records delivered
          // by an earlier run; a later shard's records are all new.
          ShardIteratorType: listedBefore
            ? 'TRIM_HORIZON'
            : this.#options.startingPosition,
        }),
      );
      this.#iterators.set(shard.ShardId, ShardIterator ?? null);
    }
  }

  async #pollShard(shardId: string): Promise<number> {
    const iterator = this.#iterators.get(shardId);
    if (!iterator) return 0;
    const result = await this.#client.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: this.#options.batchSize }),
    );
    this.#iterators.set(shardId, result.NextShardIterator ?? null);
    if (!result.NextShardIterator) this.#shardClosed = true;
    const records = (result.Records ?? [])
      .map((record) => toLambdaRecord(record, this.#options.streamArn))
      .filter((record) => this.#passesFilters(record));
    if (records.length > 0) {
      this.#busy = true;
      try {
        await this.#deliver(records, 0);
      } finally {
        this.#busy = false;
      }
    }
    return result.Records?.length ?? 0;
  }

  #passesFilters(record: LambdaRecord): boolean {
    const filters = this.#options.filters;
    return (
      filters.length === 0 || filters.some((pattern) => matchesPattern(pattern, record))
    );
  }

  /** Delivers a batch; on failure retries, then bisects, then gives up to the destination. */
  async #deliver(records: LambdaRecord[], attempt: number): Promise<void> {
    let failedFrom = 0;
    try {
      const response = (await this.#options.invoke({ Records: records })) as
        | { batchItemFailures?: { itemIdentifier?: string }[] }
        | null
        | undefined;
      const failures = response?.batchItemFailures ?? [];
      if (failures.length === 0) return;
      const sequence = failures[0]?.itemIdentifier;
      failedFrom = Math.max(
        0,
        records.findIndex((record) => record.dynamodb.SequenceNumber === sequence),
      );
    } catch {
      failedFrom = 0;
    }
    const remaining = records.slice(failedFrom);
    if (attempt < this.#options.maxRetryAttempts) {
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      if (this.#options.bisectOnError && remaining.length > 1) {
        const middle = Math.ceil(remaining.length / 2);
        await this.#deliver(remaining.slice(0, middle), attempt + 1);
        await this.#deliver(remaining.slice(middle), attempt + 1);
        return;
      }
      await this.#deliver(remaining, attempt + 1);
      return;
    }
    await this.#options.onFailure?.({
      requestContext: {
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: attempt + 1,
      },
      DDBStreamBatchInfo: {
        shardId: 'local',
        startSequenceNumber: remaining[0]?.dynamodb.SequenceNumber,
        endSequenceNumber: remaining.at(-1)?.dynamodb.SequenceNumber,
        batchSize: remaining.length,
        streamArn: this.#options.streamArn,
      },
      timestamp: new Date().toISOString(),
    });
  }
}
