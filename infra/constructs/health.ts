import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../functions/domain/events.ts';
import { ROSTER_EVENT_TYPES } from '../../functions/domain/health/roster-event-types.ts';
import { grantIndexedItemAccess } from './indexed-table-access.ts';
import { PlatformFunction } from './platform-function.ts';
import { grantItemActions } from './table-access.ts';

export interface HealthProps {
  readonly table: dynamodb.Table;
  /** The platform bus, whose estate events keep the health roster. */
  readonly bus: events.IEventBus;
  /** Where roster events go that could not be delivered. */
  readonly deadLetters: sqs.IQueue;
  /** How often every service's health is read from its driver. @default 5 minutes */
  readonly every?: Duration;
}

/**
 * Service health on a schedule: a scheduled rule runs the health poller, which reads
 * every service of every estate on the health roster from its driver, opens and
 * resolves incidents and scores the estates. A rule on the platform bus keeps the
 * roster as estates become ready and start to go.
 */
export class Health extends Construct {
  readonly poller: PlatformFunction;
  readonly roster: PlatformFunction;
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: HealthProps) {
    super(scope, id);
    this.poller = new PlatformFunction(this, 'Poller', {
      entry: 'functions/schedules/read-service-health.ts',
      serviceName: 'platforms-infrastructure-health',
      timeout: Duration.minutes(5),
      environment: { TABLE_NAME: props.table.tableName },
    });
    grantIndexedItemAccess(this.poller, props.table);
    this.schedule = new events.Rule(this, 'Schedule', {
      description: 'Reads the health of every service from its driver.',
      schedule: events.Schedule.rate(props.every ?? Duration.minutes(5)),
      // A missed run is made good by the next one; retrying would only pile up.
      targets: [new targets.LambdaFunction(this.poller, { retryAttempts: 0 })],
    });

    this.roster = new PlatformFunction(this, 'Roster', {
      entry: 'functions/events/enrol-estate.ts',
      serviceName: 'platforms-infrastructure-health',
      environment: { TABLE_NAME: props.table.tableName },
    });
    grantItemActions(this.roster, props.table, [
      'dynamodb:PutItem',
      'dynamodb:DeleteItem',
    ]);
    new events.Rule(this, 'RosterRule', {
      eventBus: props.bus,
      description: 'Keeps the health roster as estates become ready and start to go.',
      eventPattern: { source: [EVENT_SOURCE], detailType: [...ROSTER_EVENT_TYPES] },
      targets: [
        new targets.LambdaFunction(this.roster, {
          retryAttempts: 8,
          deadLetterQueue: props.deadLetters,
        }),
      ],
    });
  }
}
