import { describe, expect, it } from 'vitest';
import { EVENT_SOURCE } from '../../functions/domain/events.ts';
import { INCIDENT_EVENT_TYPES } from '../../functions/domain/incidents/incident-event-types.ts';
import { joinedText } from './support/definition.ts';
import {
  logicalIdOf,
  onlyLogicalId,
  resourceById,
  statementsFor,
} from './support/resources.ts';
import { synthFor, templateFor } from './support/synth.ts';

const POLLER = 'functions/schedules/read-service-health.ts';
const TRACKER = 'functions/events/track-incidents.ts';
const ROSTER = 'functions/events/enrol-estate.ts';

const rules = () =>
  Object.entries(templateFor().findResources('AWS::Events::Rule')) as [
    string,
    { Properties: Record<string, unknown> },
  ][];

const ruleTargeting = (functionId: string) => {
  const found = rules().find(([, rule]) =>
    JSON.stringify(rule.Properties.Targets).includes(`"${functionId}"`),
  );
  if (!found) throw new Error(`no rule targets ${functionId}`);
  return found[1].Properties;
};

/** A resource ARN as text, with `<Id.Attribute>` for references. */
const arnText = (resource: unknown) => {
  const getAtt = (resource as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  return getAtt ? `<${getAtt.join('.')}>` : joinedText(resource);
};

const dynamoActions = (entry: string) =>
  statementsFor(templateFor(), entry)
    .filter((statement) =>
      statement.Action.some((action) => action.startsWith('dynamodb:')),
    )
    .flatMap((statement) => statement.Action)
    .sort();

describe('Health', () => {
  it('runs the health poller every five minutes, without retrying a missed run', () => {
    const poller = logicalIdOf(synthFor().stack.health.poller);

    const rule = ruleTargeting(poller);

    expect(rule.ScheduleExpression).toBe('rate(5 minutes)');
    expect(rule.Targets).toEqual([
      expect.objectContaining({ RetryPolicy: { MaximumRetryAttempts: 0 } }),
    ]);
  });

  it('keeps the roster from estate events on the platform bus', () => {
    const { stack } = synthFor();

    const rule = ruleTargeting(logicalIdOf(stack.health.roster));

    expect(rule).toMatchObject({
      EventBusName: { Ref: logicalIdOf(stack.events.bus) },
      EventPattern: {
        source: [EVENT_SOURCE],
        'detail-type': [
          'infrastructure.estate.ready',
          'infrastructure.estate.deprovisioning_started',
        ],
      },
    });
  });

  it('lets the roster function only put and delete items', () => {
    expect(dynamoActions(ROSTER)).toEqual(['dynamodb:DeleteItem', 'dynamodb:PutItem']);
  });
});

describe('Incidents', () => {
  it('delivers the failure and recovery events of the platform bus to the tracker', () => {
    const { stack } = synthFor();

    const rule = ruleTargeting(logicalIdOf(stack.incidents.tracker));

    expect(rule).toMatchObject({
      EventBusName: { Ref: logicalIdOf(stack.events.bus) },
      EventPattern: { source: [EVENT_SOURCE], 'detail-type': [...INCIDENT_EVENT_TYPES] },
    });
  });

  it('retries a failed delivery and then sends it to the platform dead-letter queue', () => {
    const { stack } = synthFor();

    const rule = ruleTargeting(logicalIdOf(stack.incidents.tracker));

    expect(rule.Targets).toEqual([
      expect.objectContaining({
        RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: 8 }),
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [logicalIdOf(stack.events.deadLetters), 'Arn'] },
        },
      }),
    ]);
  });
});

describe.each([
  ['the health poller', POLLER],
  ['the incident tracker', TRACKER],
])('the table access of %s', (_name, entry) => {
  it('reads and writes items by key and queries, but never scans or batch-writes', () => {
    const actions = dynamoActions(entry);

    expect(actions).toEqual([
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
  });

  it('queries the table and its two named indexes, with no wildcard', () => {
    const table = onlyLogicalId(templateFor(), 'AWS::DynamoDB::Table');

    const query = statementsFor(templateFor(), entry).find((statement) =>
      statement.Action.includes('dynamodb:Query'),
    );

    expect(query?.Resource.map(arnText)).toEqual([
      `<${table}.Arn>`,
      `<${table}.Arn>/index/gsi1`,
      `<${table}.Arn>/index/gsi2`,
    ]);
    expect(resourceById(templateFor(), table).Type).toBe('AWS::DynamoDB::Table');
  });
});
