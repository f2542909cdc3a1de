import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { PlatformFunction } from './platform-function.ts';
import { invokeTask, taskFunction } from './task-function.ts';
import { standardWorkflow } from './workflow.ts';

export interface EstateWorkflowsProps {
  readonly table: dynamodb.Table;
}

/** Checks of a network's readiness before provisioning gives up (one per Wait). */
const MAX_POLLS = 60;

const WORKFLOWS = 'functions/workflows';

/**
 * The estate lifecycle as two Standard workflows. Provisioning: allocate the service
 * line, provision the network, wait and poll until it is ready, mark the estate active.
 * Deprovisioning: remove the network, wait and poll, mark the estate deprovisioned.
 * Any step failing for good marks the estate failed with a reason.
 */
export class EstateWorkflows extends Construct {
  readonly provisioning: sfn.StateMachine;
  readonly deprovisioning: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: EstateWorkflowsProps) {
    super(scope, id);
    const functions = new Map<string, PlatformFunction>();
    const fnFor = (entry: string) => {
      const existing = functions.get(entry);
      if (existing) return existing;
      const name = entry
        .replace(/^.*\//, '')
        .replace(/\.ts$/, '')
        .replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
      const fn = taskFunction(this, `${name}Function`, {
        entry: `${WORKFLOWS}/${entry}`,
        table: props.table,
      });
      functions.set(entry, fn);
      return fn;
    };
    const task: TaskFactory = (name, entry) => invokeTask(this, name, fnFor(entry));
    const failedChain = (prefix: string) =>
      task(`${prefix}FailEstate`, 'provisioning/fail-estate.ts').next(
        new sfn.Fail(this, `${prefix}Failed`, {
          error: 'EstateFailed',
          cause: 'The estate was marked failed.',
        }),
      );
    const caught = { errors: ['States.ALL'], resultPath: '$.error' };

    this.provisioning = standardWorkflow(
      this,
      'Provisioning',
      this.provisioningChain(task, failedChain('Provisioning'), caught),
    );
    this.deprovisioning = standardWorkflow(
      this,
      'Deprovisioning',
      this.deprovisioningChain(task, failedChain('Deprovisioning'), caught),
    );
  }

  private provisioningChain(
    task: TaskFactory,
    failed: sfn.IChainable,
    caught: sfn.CatchProps,
  ) {
    const allocate = task(
      'AllocateServiceLine',
      'provisioning/allocate-service-line.ts',
    ).addCatch(failed, caught);
    const provision = task(
      'ProvisionNetwork',
      'provisioning/provision-network.ts',
    ).addCatch(failed, caught);
    const check = task('CheckNetwork', 'provisioning/check-network.ts').addCatch(
      failed,
      caught,
    );
    const activate = task('ActivateEstate', 'provisioning/activate-estate.ts').addCatch(
      failed,
      caught,
    );
    const wait = new sfn.Wait(this, 'WaitForNetwork', {
      time: sfn.WaitTime.secondsPath('$.wait_seconds'),
    });
    const ready = new sfn.Choice(this, 'NetworkReady')
      .when(
        sfn.Condition.booleanEquals('$.ready', true),
        activate.next(new sfn.Succeed(this, 'EstateActive')),
      )
      .when(sfn.Condition.numberGreaterThanEquals('$.polls', MAX_POLLS), failed)
      .otherwise(wait);
    return allocate.next(provision).next(wait).next(check).next(ready);
  }

  private deprovisioningChain(
    task: TaskFactory,
    failed: sfn.IChainable,
    caught: sfn.CatchProps,
  ) {
    const remove = task(
      'DeprovisionNetwork',
      'deprovisioning/deprovision-network.ts',
    ).addCatch(failed, caught);
    const check = task('CheckTeardown', 'deprovisioning/check-teardown.ts').addCatch(
      failed,
      caught,
    );
    const complete = task(
      'CompleteDeprovisioning',
      'deprovisioning/complete-deprovisioning.ts',
    ).addCatch(failed, caught);
    const wait = new sfn.Wait(this, 'WaitForTeardown', {
      time: sfn.WaitTime.secondsPath('$.wait_seconds'),
    });
    const removed = new sfn.Choice(this, 'NetworkRemoved')
      .when(
        sfn.Condition.booleanEquals('$.removed', true),
        complete.next(new sfn.Succeed(this, 'EstateDeprovisioned')),
      )
      .when(sfn.Condition.numberGreaterThanEquals('$.polls', MAX_POLLS), failed)
      .otherwise(wait);
    return remove.next(wait).next(check).next(removed);
  }
}

type TaskFactory = (name: string, entry: string) => ReturnType<typeof invokeTask>;
