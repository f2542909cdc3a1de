import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  MAX_DEPLOYMENT_POLLS,
  MAX_READINESS_POLLS,
} from '../../functions/domain/estates/workflow-limits.ts';
import type { PlatformFunction } from './platform-function.ts';
import { grantTableData } from './table-access.ts';
import { acknowledgeTaskInvocations, invokeTask, taskFunction } from './task-function.ts';
import { standardWorkflow } from './workflow.ts';

export interface EstateWorkflowsProps {
  readonly table: dynamodb.Table;
}

const WORKFLOWS = 'functions/workflows';
const FAIL_ESTATE = 'provisioning/fail-estate.ts';
const TEAR_DOWN_CONTENTS = 'deprovisioning/tear-down-contents.ts';

/** Any error a task does not retry away marks the estate failed, with the error kept. */
const CAUGHT: sfn.CatchProps = { errors: ['States.ALL'], resultPath: '$.error' };

/**
 * The estate lifecycle as two Standard workflows. Provisioning: allocate the service
 * line, provision the network, wait and poll until it is ready, mark the estate active.
 * Deprovisioning: remove the services and environments (waiting and asking again
 * while a service is being deployed), remove the network, wait and poll, mark the
 * estate deprovisioned. Any step failing for good, or a loop running out of checks,
 * marks the estate failed with a reason naming the workflow.
 */
export class EstateWorkflows extends Construct {
  readonly provisioning: sfn.StateMachine;
  readonly deprovisioning: sfn.StateMachine;
  private readonly table: dynamodb.Table;
  private readonly functions = new Map<string, PlatformFunction>();

  constructor(scope: Construct, id: string, props: EstateWorkflowsProps) {
    super(scope, id);
    this.table = props.table;

    this.provisioning = this.workflow('Provisioning', (task, failed) =>
      this.provisioningChain(task, failed),
    );
    this.deprovisioning = this.workflow('Deprovisioning', (task, failed) =>
      this.deprovisioningChain(task, failed),
    );
  }

  /**
   * One Standard workflow whose every failure path ends in its own fail-estate task,
   * told which workflow failed (`$.workflow`), with the `LambdaInvoke` grants
   * acknowledged for the functions it invokes.
   */
  private workflow(
    id: string,
    chain: (task: TaskFactory, failed: sfn.IChainable) => sfn.IChainable,
  ): sfn.StateMachine {
    const invoked = new Set<PlatformFunction>();
    const task: TaskFactory = (name, entry) => {
      const fn = this.taskFunctionFor(entry);
      invoked.add(fn);
      return invokeTask(this, name, fn);
    };
    const failed = new sfn.Pass(this, `${id}Failing`, {
      result: sfn.Result.fromString(id.toLowerCase()),
      resultPath: '$.workflow',
    })
      .next(task(`${id}FailEstate`, FAIL_ESTATE))
      .next(
        new sfn.Fail(this, `${id}Failed`, {
          error: 'EstateFailed',
          cause: 'The estate was marked failed.',
        }),
      );

    const machine = standardWorkflow(this, id, chain(task, failed));
    acknowledgeTaskInvocations(machine, invoked);
    return machine;
  }

  /** The one function for a handler module under `functions/workflows`, shared by both workflows. */
  private taskFunctionFor(entry: string): PlatformFunction {
    const existing = this.functions.get(entry);
    if (existing) return existing;
    const name = entry
      .replace(/^.*\//, '')
      .replace(/\.ts$/, '')
      .replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
    const fn = taskFunction(this, `${name}Function`, {
      entry: `${WORKFLOWS}/${entry}`,
      table: this.table,
    });
    this.functions.set(entry, fn);
    return fn;
  }

  private provisioningChain(task: TaskFactory, failed: sfn.IChainable) {
    const allocate = task(
      'AllocateServiceLine',
      'provisioning/allocate-service-line.ts',
    ).addCatch(failed, CAUGHT);
    const provision = task(
      'ProvisionNetwork',
      'provisioning/provision-network.ts',
    ).addCatch(failed, CAUGHT);
    const check = task('CheckNetwork', 'provisioning/check-network.ts').addCatch(
      failed,
      CAUGHT,
    );
    const activate = task('ActivateEstate', 'provisioning/activate-estate.ts').addCatch(
      failed,
      CAUGHT,
    );
    const wait = new sfn.Wait(this, 'WaitForNetwork', {
      time: sfn.WaitTime.secondsPath('$.wait_seconds'),
    });
    const ready = new sfn.Choice(this, 'NetworkReady')
      .when(
        sfn.Condition.booleanEquals('$.ready', true),
        activate.next(new sfn.Succeed(this, 'EstateActive')),
      )
      .when(sfn.Condition.numberGreaterThanEquals('$.polls', MAX_READINESS_POLLS), failed)
      .otherwise(wait);
    return allocate.next(provision).next(wait).next(check).next(ready);
  }

  private deprovisioningChain(task: TaskFactory, failed: sfn.IChainable) {
    const contents = task('TearDownContents', TEAR_DOWN_CONTENTS).addCatch(
      failed,
      CAUGHT,
    );
    // Listing environments and services queries an index and deletes their items.
    const contentsFunction = this.functions.get(TEAR_DOWN_CONTENTS);
    if (contentsFunction) grantTableData(contentsFunction, this.table, 'read-write');
    const remove = task(
      'DeprovisionNetwork',
      'deprovisioning/deprovision-network.ts',
    ).addCatch(failed, CAUGHT);
    const check = task('CheckTeardown', 'deprovisioning/check-teardown.ts').addCatch(
      failed,
      CAUGHT,
    );
    const complete = task(
      'CompleteDeprovisioning',
      'deprovisioning/complete-deprovisioning.ts',
    ).addCatch(failed, CAUGHT);
    const wait = new sfn.Wait(this, 'WaitForTeardown', {
      time: sfn.WaitTime.secondsPath('$.wait_seconds'),
    });
    // A service still being deployed holds the teardown until its rollout ends: a
    // Wait paced like the rollout's own, not a Retry, whose intervals have nothing
    // to do with how long a rollout takes.
    const waitForDeployments = new sfn.Wait(this, 'WaitForDeployments', {
      time: sfn.WaitTime.secondsPath('$.wait_seconds'),
    }).next(contents);
    const blocked = new sfn.Choice(this, 'ContentsRemoved')
      .when(sfn.Condition.booleanEquals('$.blocked_by_deployments', false), remove)
      .when(
        sfn.Condition.numberGreaterThanEquals('$.polls', MAX_DEPLOYMENT_POLLS),
        failed,
      )
      .otherwise(waitForDeployments);
    const removed = new sfn.Choice(this, 'NetworkRemoved')
      .when(
        sfn.Condition.booleanEquals('$.removed', true),
        complete.next(new sfn.Succeed(this, 'EstateDeprovisioned')),
      )
      .when(sfn.Condition.numberGreaterThanEquals('$.polls', MAX_READINESS_POLLS), failed)
      .otherwise(wait);
    remove.next(wait).next(check).next(removed);
    return contents.next(blocked);
  }
}

type TaskFactory = (name: string, entry: string) => ReturnType<typeof invokeTask>;
