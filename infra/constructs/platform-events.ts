import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../functions/domain/events.ts';
import { alarmedDeadLetters } from './dead-letters.ts';
import { PlatformFunction } from './platform-function.ts';
import { grantItemActions } from './table-access.ts';
import { tableStreamSource } from './table-stream.ts';

export interface PlatformEventsProps {
  readonly stage: string;
  /** The table whose stream carries the outbox. */
  readonly table: dynamodb.Table;
  /** How long the audit log group keeps every event. @default one year */
  readonly auditRetention?: logs.RetentionDays;
}

/**
 * Platform events, never lost: the custom bus, the outbox publisher fed by the table's
 * stream, a dead-letter queue for what cannot be delivered (with an alarm as soon as
 * anything lands there), and an audit rule that copies every platform event to logs.
 */
export class PlatformEvents extends Construct {
  readonly bus: events.EventBus;
  readonly deadLetters: sqs.Queue;
  readonly publisher: PlatformFunction;
  readonly deadLetterAlarm: cloudwatch.Alarm;
  /** Where the audit rule keeps every platform event. */
  readonly auditLog: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PlatformEventsProps) {
    super(scope, id);
    this.bus = new events.EventBus(this, 'Bus', {
      eventBusName: `platforms-infrastructure-${props.stage}`,
    });
    const deadLetters = alarmedDeadLetters(this, 'DeadLetters', {
      of: 'the outbox publisher',
      alarmDescription:
        'Platform events could not be delivered and wait in the dead-letter queue.',
    });
    this.deadLetters = deadLetters.queue;
    this.deadLetterAlarm = deadLetters.alarm;
    this.publisher = this.publisherFunction(props.table);
    this.auditLog = this.auditRule(props.auditRetention ?? logs.RetentionDays.ONE_YEAR);
  }

  private publisherFunction(table: dynamodb.Table): PlatformFunction {
    const fn = new PlatformFunction(this, 'Publisher', {
      entry: 'functions/events/publish-events.ts',
      serviceName: 'platforms-infrastructure-events',
      timeout: Duration.seconds(60),
      environment: {
        TABLE_NAME: table.tableName,
        EVENT_BUS_NAME: this.bus.eventBusName,
        DEAD_LETTER_QUEUE_URL: this.deadLetters.queueUrl,
      },
    });
    // It checks which events it already published and marks them, by key only.
    grantItemActions(fn, table, ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem']);
    this.bus.grantPutEventsTo(fn);
    this.deadLetters.grantSendMessages(fn);
    fn.addEventSource(
      tableStreamSource(table, {
        entity: 'event',
        eventNames: ['INSERT'],
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        deadLetters: this.deadLetters,
      }),
    );
    return fn;
  }

  private auditRule(retention: logs.RetentionDays): logs.LogGroup {
    const audit = new logs.LogGroup(this, 'AuditLog', {
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // EventBridge writes to a log group only when the group's resource policy lets it.
    audit.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        resources: [audit.logGroupArn],
      }),
    );
    new events.Rule(this, 'AuditRule', {
      eventBus: this.bus,
      description: 'Every platform event, kept as an audit trail.',
      eventPattern: {
        source: [EVENT_SOURCE],
        detailType: events.Match.prefix('infrastructure.'),
      },
      targets: [logGroupTarget(audit)],
    });
    return audit;
  }
}

/**
 * Sends the matched events to a log group whose resource policy already admits
 * EventBridge. CDK's `CloudWatchLogGroup` target writes that policy through a custom
 * resource instead: one more Lambda function, on an older runtime, with the basic
 * execution managed policy and `logs:PutResourcePolicy` on every resource.
 */
function logGroupTarget(logGroup: logs.LogGroup): events.IRuleTarget {
  return {
    bind: () => ({
      arn: Stack.of(logGroup).formatArn({
        service: 'logs',
        resource: 'log-group',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        resourceName: logGroup.logGroupName,
      }),
      targetResource: logGroup,
    }),
  };
}
