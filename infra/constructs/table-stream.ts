import type { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

export interface TableStreamSourceProps {
  /** The `entity` of the items whose records the function gets. */
  readonly entity: string;
  /** The changes of those items it gets. */
  readonly eventNames: readonly ('INSERT' | 'MODIFY')[];
  /** Records per invocation, at most. */
  readonly batchSize: number;
  /** How long a batch may gather records. @default - no window: records go at once */
  readonly maxBatchingWindow?: Duration;
  /** Where the description of a batch that keeps failing goes. */
  readonly deadLetters: sqs.IQueue;
}

/**
 * The table's stream as a function's event source, read the way every stream consumer
 * here reads it: from the oldest record, only the records of one entity, a failing
 * batch split and retried (10 times) from the first record the function reports as
 * failed, and what still fails described in a dead-letter queue.
 */
export function tableStreamSource(
  table: dynamodb.ITable,
  props: TableStreamSourceProps,
): DynamoEventSource {
  return new DynamoEventSource(table, {
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    batchSize: props.batchSize,
    ...(props.maxBatchingWindow ? { maxBatchingWindow: props.maxBatchingWindow } : {}),
    bisectBatchOnError: true,
    retryAttempts: 10,
    reportBatchItemFailures: true,
    onFailure: new SqsDlq(props.deadLetters),
    filters: [
      lambda.FilterCriteria.filter({
        eventName: lambda.FilterRule.or(...props.eventNames),
        dynamodb: {
          NewImage: { entity: { S: lambda.FilterRule.isEqual(props.entity) } },
        },
      }),
    ],
  });
}
