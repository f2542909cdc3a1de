import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { PlatformFunction } from './platform-function.ts';

export interface UsageCollectorProps {
  /** The table the collector reads estates and services from and writes usage to. */
  readonly table: dynamodb.Table;
  /**
   * When the collector runs. @default every hour at five past, so the hour it
   * collects is over everywhere
   */
  readonly schedule?: scheduler.ScheduleExpression;
}

/**
 * What the collector does with the table: query the estate directory (gsi2) and the
 * environment and service lists (gsi1), read services, estates and prices, and write
 * usage records, rollups and events in transactions of puts and updates.
 */
export const COLLECTOR_TABLE_ACTIONS = [
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

/**
 * The hourly usage collector: a function that asks each running estate's driver for
 * its services' usage over the last hour and ingests it, and the EventBridge
 * Scheduler schedule that invokes it with the time it fired.
 */
export class UsageCollector extends Construct {
  readonly function: PlatformFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: UsageCollectorProps) {
    super(scope, id);
    this.function = new PlatformFunction(this, 'Function', {
      entry: 'functions/schedules/collect-usage.ts',
      serviceName: 'platforms-infrastructure-costs',
      timeout: Duration.minutes(5),
      environment: { TABLE_NAME: props.table.tableName },
    });
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...COLLECTOR_TABLE_ACTIONS],
        resources: [
          props.table.tableArn,
          `${props.table.tableArn}/index/gsi1`,
          `${props.table.tableArn}/index/gsi2`,
        ],
      }),
    );
    const invoker = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    });
    const functionId = Stack.of(this).resolve(
      (this.function.node.defaultChild as CfnElement).logicalId,
    );
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason:
        'The schedule target grants invoking the collector and its versions and ' +
        'aliases; the wildcard spans the qualifiers of that one function only.',
    });
    this.schedule = new scheduler.Schedule(this, 'Hourly', {
      description: 'Collects the last hour of usage of every running estate.',
      schedule:
        props.schedule ?? scheduler.ScheduleExpression.cron({ minute: '5', hour: '*' }),
      target: new targets.LambdaInvoke(this.function, {
        input: scheduler.ScheduleTargetInput.fromObject({
          time: scheduler.ContextAttribute.scheduledTime,
        }),
        role: invoker,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(30),
      }),
    });
  }
}
