import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/**
 * A Standard workflow with the platform's defaults: every event logged with its
 * execution data, X-Ray tracing, and a two-hour ceiling on any one execution.
 */
export function standardWorkflow(
  scope: Construct,
  id: string,
  definition: sfn.IChainable,
): sfn.StateMachine {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const machine = new sfn.StateMachine(scope, id, {
    stateMachineType: sfn.StateMachineType.STANDARD,
    definitionBody: sfn.DefinitionBody.fromChainable(definition),
    timeout: Duration.hours(2),
    tracingEnabled: true,
    logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
  });
  Validations.of(machine.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Tracing needs xray:PutTraceSegments, PutTelemetryRecords and the sampling ' +
      'reads, and logging to CloudWatch Logs needs the log delivery actions ' +
      '(logs:CreateLogDelivery and the like); both services grant those on all ' +
      'resources only.',
  });
  return machine;
}
