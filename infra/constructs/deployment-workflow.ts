import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { PlatformFunction } from './platform-function.ts';
import { acknowledgeTaskInvocations, invokeTask, taskFunction } from './task-function.ts';
import { standardWorkflow } from './workflow.ts';

export interface DeploymentWorkflowProps {
  readonly table: dynamodb.Table;
}

const TASKS = 'functions/workflows/deployments';

/**
 * The rolling deployment as a Standard workflow: roll a batch, wait for it, pass the
 * health gate, repeat; on an unhealthy batch, a cancel or a failure, roll the finished
 * batches back one by one and end rolled_back, cancelled or failed. Every task says
 * what comes next (`$.next`) and one Choice routes it.
 */
export class DeploymentWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: DeploymentWorkflowProps) {
    super(scope, id);
    const invoked = new Set<PlatformFunction>();
    const task = (name: string, entry: string) => {
      const fn = taskFunction(this, `${name}Function`, {
        entry: `${TASKS}/${entry}`,
        table: props.table,
      });
      invoked.add(fn);
      return invokeTask(this, name, fn);
    };
    const caught = { errors: ['States.ALL'], resultPath: '$.error' };

    const finishRollbackFn = taskFunction(this, 'FinishRollbackFunction', {
      entry: `${TASKS}/finish-rollback.ts`,
      table: props.table,
    });
    invoked.add(finishRollbackFn);
    const failed = invokeTask(this, 'FailDeployment', finishRollbackFn).next(
      new sfn.Fail(this, 'DeploymentFailed', {
        error: 'DeploymentFailed',
        cause: 'The deployment could not be rolled back.',
      }),
    );
    const finish = invokeTask(this, 'FinishRollback', finishRollbackFn)
      .addCatch(failed, caught)
      .next(new sfn.Succeed(this, 'RolledBack'));
    const rollBack = task('RollBackBatch', 'roll-back-batch.ts').addCatch(failed, caught);
    const roll = task('RollBatch', 'roll-batch.ts').addCatch(rollBack, caught);
    const check = task('CheckBatch', 'check-batch.ts').addCatch(rollBack, caught);
    const complete = task('CompleteDeployment', 'complete-deployment.ts')
      .addCatch(rollBack, caught)
      .next(new sfn.Succeed(this, 'Succeeded'));
    const waitForBatch = new sfn.Wait(this, 'WaitForBatch', {
      time: sfn.WaitTime.secondsPath('$.wait_seconds'),
    });
    const waitForRollback = new sfn.Wait(this, 'WaitForRollback', {
      time: sfn.WaitTime.secondsPath('$.wait_seconds'),
    });
    const next = (value: string) => sfn.Condition.stringEquals('$.next', value);
    const route = new sfn.Choice(this, 'NextStep')
      .when(next('roll'), roll)
      .when(next('check'), waitForBatch)
      .when(next('complete'), complete)
      .when(next('rollback'), rollBack)
      .when(next('rollback_wait'), waitForRollback)
      .when(next('finish'), finish)
      .otherwise(failed);

    roll.next(route);
    waitForBatch.next(check);
    check.next(route);
    rollBack.next(route);
    waitForRollback.next(rollBack);
    this.stateMachine = standardWorkflow(this, 'Rollout', roll);
    acknowledgeTaskInvocations(this.stateMachine, invoked);
  }
}
