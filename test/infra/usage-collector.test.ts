import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { functionFor, logicalIdOf } from './support/resources.ts';
import { synthFor } from './support/synth.ts';

const ENTRY = 'functions/schedules/collect-usage.ts';

describe('the usage collector', () => {
  const { stack, template } = synthFor();

  it('runs hourly, after the hour, with the time the schedule fired', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(5 * * * ? *)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalIdOf(stack.usageCollector.function), 'Arn'] },
        Input: JSON.stringify({ time: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
      }),
    });
  });

  it('is a function of its own module with time for every estate', () => {
    const fn = functionFor(template, ENTRY);

    expect(fn.Properties?.Timeout).toBe(300);
  });

  it('may touch only the table and the two indexes it queries', () => {
    const role = logicalIdOf(stack.usageCollector.function.executionRole);
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: role }] },
    });
    const statements = Object.values(policies).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: unknown[] } } })
          .Properties.PolicyDocument.Statement,
    ) as { Action: string | string[]; Resource: unknown }[];
    const dynamo = statements.filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('dynamodb:')),
    );

    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]?.Action].flat()).not.toContain('dynamodb:Scan');
    expect([dynamo[0]?.Action].flat()).not.toContain('dynamodb:DeleteItem');
    expect(JSON.stringify(dynamo[0]?.Resource)).toContain('/index/gsi2');
    expect(JSON.stringify(dynamo[0]?.Resource)).not.toContain('/index/*');
  });

  it('lets only the scheduler invoke the collector', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } }),
        ]),
      }),
    });
  });
});
