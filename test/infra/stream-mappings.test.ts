import { describe, expect, it } from 'vitest';
import {
  logicalIdOf,
  mappingFeeding,
  onlyLogicalId,
  type TemplateResource,
} from './support/resources.ts';
import { synthFor, templateFor } from './support/synth.ts';

/** The functions the table's stream feeds, by the logical ID of each. */
function streamFunctions(): Record<string, string> {
  const { events, workflowStarter } = synthFor().stack;
  return {
    'the outbox publisher': logicalIdOf(events.publisher),
    'the workflow starter': logicalIdOf(workflowStarter.starter),
  };
}

const NAMES = Object.keys(streamFunctions());

const mappingOf = (name: string): TemplateResource =>
  mappingFeeding(templateFor(), streamFunctions()[name] ?? '');

/** The logical ID of the queue a mapping sends what keeps failing to. */
function failureQueueOf(mapping: TemplateResource): string {
  const config = mapping.Properties?.DestinationConfig as {
    OnFailure: { Destination: { 'Fn::GetAtt': [string, string] } };
  };
  return config.OnFailure.Destination['Fn::GetAtt'][0];
}

describe('the stream event source mappings', () => {
  it('feed the outbox publisher and the workflow starter, nothing else', () => {
    const mappings = Object.values(
      templateFor().findResources('AWS::Lambda::EventSourceMapping'),
    );

    expect(mappings.map((mapping) => mapping.Properties.FunctionName)).toEqual(
      expect.arrayContaining(Object.values(streamFunctions()).map((Ref) => ({ Ref }))),
    );
    expect(mappings).toHaveLength(NAMES.length);
  });

  it.each(NAMES)('feed %s from the table stream, from its oldest record', (name) => {
    const table = onlyLogicalId(templateFor(), 'AWS::DynamoDB::Table');

    const { Properties } = mappingOf(name);

    expect(Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [table, 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
    });
  });

  it.each(NAMES)(
    'split a failing batch of %s, retry it a bounded number of times and take partial failures',
    (name) => {
      const { Properties } = mappingOf(name);

      expect(Properties).toMatchObject({
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(Properties?.MaximumRetryAttempts).toBeGreaterThan(0);
    },
  );

  it.each(NAMES)(
    'send what keeps failing in %s to a queue that alarms on its first message',
    (name) => {
      const queue = failureQueueOf(mappingOf(name));

      templateFor().hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          { Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } },
        ],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
      });
    },
  );
});
