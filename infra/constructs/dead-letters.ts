import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface AlarmedDeadLettersProps {
  /** What the queue catches, finishing "This queue is itself the dead-letter queue of …". */
  readonly of: string;
  /** What a message waiting in the queue means, as the alarm tells it. */
  readonly alarmDescription: string;
}

/** A dead-letter queue and the alarm that fires as soon as one message waits in it. */
export interface AlarmedDeadLetters {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;
}

/**
 * A dead-letter queue, encrypted and reachable over TLS only, keeping messages for
 * the longest 14 days SQS allows, with an alarm on its first visible message. The
 * queue is `id`, the alarm `<id>Alarm`, both in `scope`.
 */
export function alarmedDeadLetters(
  scope: Construct,
  id: string,
  props: AlarmedDeadLettersProps,
): AlarmedDeadLetters {
  const queue = new sqs.Queue(scope, id, {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the dead-letter queue of ${props.of}.`,
  });
  const alarm = new cloudwatch.Alarm(scope, `${id}Alarm`, {
    alarmDescription: props.alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
    }),
    threshold: 0,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  return { queue, alarm };
}
