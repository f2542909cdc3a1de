import { describe, expect, it } from 'vitest';
import { EVENT_SOURCE } from '../../functions/domain/events.ts';
import { joinedText } from './support/definition.ts';
import {
  filterPatternsOf,
  logicalIdOf,
  mappingFeeding,
  onlyLogicalId,
  resourceById,
  roleOf,
  statementsOfRole,
  type TemplateResource,
} from './support/resources.ts';
import { synthFor, templateFor } from './support/synth.ts';

/** Logical IDs of the dev stage's bus, dead-letter queue, publisher and audit log. */
function eventsIds() {
  const { events } = synthFor().stack;
  return {
    bus: logicalIdOf(events.bus),
    queue: logicalIdOf(events.deadLetters),
    publisher: logicalIdOf(events.publisher),
    auditLog: logicalIdOf(events.auditLog),
  };
}

const mapping = (): TemplateResource =>
  mappingFeeding(templateFor(), eventsIds().publisher);

const publisherStatements = () => {
  const template = templateFor();
  return statementsOfRole(
    template,
    roleOf(resourceById(template, eventsIds().publisher)),
  );
};

const statementsOn = (service: string) =>
  publisherStatements().filter((statement) =>
    statement.Action.some((action) => action.startsWith(`${service}:`)),
  );

describe('PlatformEvents', () => {
  it.each(['dev', 'prod'])('names the event bus after the %s stage', (stage) => {
    const template = templateFor(stage);

    template.hasResourceProperties('AWS::Events::EventBus', {
      Name: `platforms-infrastructure-${stage}`,
    });
  });

  it('passes only inserted outbox events to the publisher', () => {
    const patterns = filterPatternsOf(mapping());

    expect(patterns).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['event'] } } } },
    ]);
  });

  it('sends stream records that keep failing to the dead-letter queue', () => {
    const { Properties } = mapping();

    expect(Properties?.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': [eventsIds().queue, 'Arn'] } },
    });
  });

  it('lets the publisher put events on its own bus only', () => {
    const statements = statementsOn('events');

    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: [{ 'Fn::GetAtt': [eventsIds().bus, 'Arn'] }],
      },
    ]);
  });

  it('lets the publisher send to the dead-letter queue but not consume it', () => {
    const statements = statementsOn('sqs');

    const actions = statements.flatMap((statement) => statement.Action);

    expect(actions).toContain('sqs:SendMessage');
    expect(actions).not.toContain('sqs:ReceiveMessage');
    expect(actions).not.toContain('sqs:DeleteMessage');
    for (const statement of statements)
      expect(statement.Resource).toEqual([{ 'Fn::GetAtt': [eventsIds().queue, 'Arn'] }]);
  });

  it('lets the publisher read and mark outbox items by key, and read the stream', () => {
    const table = onlyLogicalId(templateFor(), 'AWS::DynamoDB::Table');

    const statements = statementsOn('dynamodb');

    const onTable = statements.filter((statement) =>
      statement.Resource.some(
        (resource) =>
          JSON.stringify(resource) === JSON.stringify({ 'Fn::GetAtt': [table, 'Arn'] }),
      ),
    );
    expect(onTable.flatMap((statement) => statement.Action).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:UpdateItem',
    ]);
    expect(JSON.stringify(statements)).not.toContain('/index/');
  });

  it('encrypts the dead-letter queue and refuses requests without TLS', () => {
    const template = templateFor();
    const queue = eventsIds().queue;

    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy'));

    expect(resourceById(template, queue).Properties).toMatchObject({
      SqsManagedSseEnabled: true,
    });
    expect(policies).toContainEqual(
      expect.objectContaining({
        Properties: expect.objectContaining({
          Queues: [{ Ref: queue }],
          PolicyDocument: expect.objectContaining({
            Statement: expect.arrayContaining([
              expect.objectContaining({
                Effect: 'Deny',
                Action: 'sqs:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          }),
        }),
      }),
    );
  });

  it('copies every platform event on the bus to the audit log group', () => {
    const template = templateFor();
    const { bus, auditLog } = eventsIds();

    const rules = Object.values(template.findResources('AWS::Events::Rule')).filter(
      (rule) => JSON.stringify(rule.Properties.Targets).includes(':log-group:'),
    );

    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties).toMatchObject({
      EventBusName: { Ref: bus },
      EventPattern: { source: [EVENT_SOURCE] },
    });
    const targets = rules[0]?.Properties.Targets as { Arn: unknown }[];
    expect(targets.map((target) => joinedText(target.Arn))).toEqual([
      expect.stringMatching(new RegExp(`:log-group:<${auditLog}>$`)),
    ]);
  });

  it('keeps the audit log for a year and beyond the stack', () => {
    const template = templateFor();

    const auditLog = resourceById(template, eventsIds().auditLog);

    expect(auditLog).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: 365 },
    });
  });

  it('lets EventBridge write to the audit log group only', () => {
    const template = templateFor();

    const documents = Object.values(
      template.findResources('AWS::Logs::ResourcePolicy'),
    ).map((policy) => JSON.parse(joinedText(policy.Properties.PolicyDocument)));

    expect(documents).toEqual([
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Principal: { Service: 'events.amazonaws.com' },
            Resource: `<${eventsIds().auditLog}.Arn>`,
          },
        ],
      },
    ]);
  });
});
