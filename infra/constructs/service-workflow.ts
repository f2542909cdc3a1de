import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeTaskInvocations, invokeTask, taskFunction } from './task-function.ts';
import { standardWorkflow } from './workflow.ts';

export interface ServiceWorkflowProps {
  readonly table: dynamodb.Table;
}

const TASKS = 'functions/workflows/services';

/**
 * A service's provisioning as a Standard workflow: create the workload through the
 * estate's driver and make the service running, retrying the driver's transient
 * errors; anything that fails for good marks the service failed with its reason.
 * Cloud calls live here rather than in the API's request, so no request waits on a
 * provider and no request handler bundles a driver.
 */
export class ServiceWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ServiceWorkflowProps) {
    super(scope, id);
    const createFn = taskFunction(this, 'CreateWorkloadFunction', {
      entry: `${TASKS}/create-workload.ts`,
      table: props.table,
    });
    const failFn = taskFunction(this, 'FailServiceFunction', {
      entry: `${TASKS}/fail-service.ts`,
      table: props.table,
    });
    const failed = invokeTask(this, 'FailService', failFn).next(
      new sfn.Fail(this, 'ServiceFailed', {
        error: 'ServiceFailed',
        cause: 'The service was marked failed.',
      }),
    );
    const create = invokeTask(this, 'CreateWorkload', createFn)
      .addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' })
      .next(new sfn.Succeed(this, 'ServiceProvisioned'));
    this.stateMachine = standardWorkflow(this, 'Provisioning', create);
    acknowledgeTaskInvocations(this.stateMachine, [createFn, failFn]);
  }
}
