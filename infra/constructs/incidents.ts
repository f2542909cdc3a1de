import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../functions/domain/events.ts';
import { INCIDENT_EVENT_TYPES } from '../../functions/domain/incidents/incident-event-types.ts';
import { grantIndexedItemAccess } from './indexed-table-access.ts';
import { PlatformFunction } from './platform-function.ts';

export interface IncidentsProps {
  readonly table: dynamodb.Table;
  /** The platform bus whose estate, deployment and service events open and resolve incidents. */
  readonly bus: events.IEventBus;
  /** Where events go that could not be delivered after the retries. */
  readonly deadLetters: sqs.IQueue;
}

/**
 * Incidents from platform events: a rule on the platform bus matching failed estates,
 * failed and rolled-back deployments and the events that clear them, delivering to
 * the incident tracker. Undeliverable events land in the platform's dead-letter queue,
 * whose alarm fires on the first message.
 */
export class Incidents extends Construct {
  readonly tracker: PlatformFunction;
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: IncidentsProps) {
    super(scope, id);
    this.tracker = new PlatformFunction(this, 'Tracker', {
      entry: 'functions/events/track-incidents.ts',
      serviceName: 'platforms-infrastructure-incidents',
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: props.table.tableName },
    });
    grantIndexedItemAccess(this.tracker, props.table);
    this.rule = new events.Rule(this, 'Rule', {
      eventBus: props.bus,
      description: 'Opens and resolves incidents from platform events.',
      eventPattern: { source: [EVENT_SOURCE], detailType: [...INCIDENT_EVENT_TYPES] },
      targets: [
        new targets.LambdaFunction(this.tracker, {
          retryAttempts: 8,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: props.deadLetters,
        }),
      ],
    });
  }
}
