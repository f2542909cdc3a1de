import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { describe, expect, it } from 'vitest';
import {
  DEPLOYMENT_POLL_SECONDS,
  MAX_DEPLOYMENT_POLLS,
} from '../../functions/domain/estates/workflow-limits.ts';
import { ROUTES } from '../../functions/http/routes.ts';
import {
  definitionOf,
  invokedFunction,
  taskStates,
  type WorkflowDefinition,
} from './support/definition.ts';
import {
  functionEntries,
  functionFor,
  logicalIdOf,
  onlyLogicalId,
  resourceById,
  roleOf,
  statementsFor,
  statementsOfRole,
  variablesOf,
} from './support/resources.ts';
import { synthFor, templateFor } from './support/synth.ts';

const WORKFLOWS = 'functions/workflows';
const FAIL_ESTATE = `${WORKFLOWS}/provisioning/fail-estate.ts`;
const TEAR_DOWN_CONTENTS = `${WORKFLOWS}/deprovisioning/tear-down-contents.ts`;
const TASK_MODULES = {
  provisioning: [
    `${WORKFLOWS}/provisioning/activate-estate.ts`,
    `${WORKFLOWS}/provisioning/allocate-service-line.ts`,
    `${WORKFLOWS}/provisioning/check-network.ts`,
    FAIL_ESTATE,
    `${WORKFLOWS}/provisioning/provision-network.ts`,
  ],
  deprovisioning: [
    `${WORKFLOWS}/deprovisioning/check-teardown.ts`,
    `${WORKFLOWS}/deprovisioning/complete-deprovisioning.ts`,
    `${WORKFLOWS}/deprovisioning/deprovision-network.ts`,
    TEAR_DOWN_CONTENTS,
    FAIL_ESTATE,
  ],
};
type WorkflowName = keyof typeof TASK_MODULES;
const WORKFLOW_NAMES: WorkflowName[] = ['provisioning', 'deprovisioning'];

const machineOf = (name: WorkflowName): StateMachine => synthFor().stack.estates[name];
const machineId = (name: WorkflowName) => logicalIdOf(machineOf(name));
const definitionFor = (name: WorkflowName) =>
  definitionOf(templateFor(), machineId(name));

/** The handler module of the function each Task state of a definition invokes. */
function invokedEntries(definition: WorkflowDefinition): Map<string, unknown> {
  const entries = functionEntries(templateFor());
  return new Map(
    taskStates(definition).map(([name, state]) => [
      name,
      entries.get(invokedFunction(state)),
    ]),
  );
}

describe('EstateWorkflows', () => {
  it.each(WORKFLOW_NAMES)('runs %s as a traced Standard workflow', (name) => {
    const machine = resourceById(templateFor(), machineId(name));

    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
    });
  });

  it.each(WORKFLOW_NAMES)(
    'logs every event of %s with its execution data, kept for a month',
    (name) => {
      const template = templateFor();

      const logging = resourceById(template, machineId(name)).Properties
        ?.LoggingConfiguration as {
        Level: string;
        IncludeExecutionData: boolean;
        Destinations: {
          CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [string, string] } };
        }[];
      };

      expect(logging).toMatchObject({ Level: 'ALL', IncludeExecutionData: true });
      expect(logging.Destinations).toHaveLength(1);
      const logGroup =
        logging.Destinations[0]?.CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0] ??
        '';
      expect(resourceById(template, logGroup)).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        Properties: { RetentionInDays: 30 },
      });
    },
  );

  it.each(WORKFLOW_NAMES)('stops any execution of %s after two hours', (name) => {
    const definition = definitionFor(name);

    expect(definition.TimeoutSeconds).toBe(2 * 60 * 60);
  });

  it.each(WORKFLOW_NAMES)(
    'retries transient driver errors in every task of %s with backoff',
    (name) => {
      const tasks = taskStates(definitionFor(name));

      for (const [, state] of tasks) {
        const retrier = state.Retry?.find((retry) =>
          retry.ErrorEquals.includes('TransientDriverError'),
        );
        expect(retrier?.BackoffRate).toBeGreaterThan(1);
        expect(retrier?.MaxAttempts).toBeGreaterThan(1);
      }
      expect(tasks.length).toBeGreaterThan(0);
    },
  );

  it.each(WORKFLOW_NAMES)(
    'marks the estate failed, keeping the error and naming %s, when a task fails for good',
    (name) => {
      const definition = definitionFor(name);

      const invoked = invokedEntries(definition);
      const failEstate = [...invoked].find(([, entry]) => entry === FAIL_ESTATE)?.[0];
      const [naming, naming_state] =
        Object.entries(definition.States).find(
          ([, state]) => state.Next === failEstate,
        ) ?? [];

      expect(naming_state).toMatchObject({
        Type: 'Pass',
        Result: name,
        ResultPath: '$.workflow',
      });
      for (const [state, { Catch }] of taskStates(definition)) {
        if (state === failEstate) continue;
        expect(Catch, state).toEqual([
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: naming },
        ]);
      }
      const next = definition.States[definition.States[failEstate ?? '']?.Next ?? ''];
      expect(next?.Type).toBe('Fail');
    },
  );

  it('waits for the seconds the readiness check asks and loops back to it', () => {
    const { States } = definitionFor('provisioning');

    const [wait] = Object.entries(States).filter(([, state]) => state.Type === 'Wait');
    const loops = Object.values(States).filter(
      (state) => state.Type === 'Choice' && state.Default === wait?.[0],
    );

    expect(wait?.[1].SecondsPath).toBe('$.wait_seconds');
    expect(loops).toHaveLength(1);
    const check = States[wait?.[1].Next ?? ''];
    expect(check?.Type).toBe('Task');
    expect(States[check?.Next ?? '']).toBe(loops[0]);
  });

  it('waits for running deployments in a polling loop, not a retry, before removing the network', () => {
    const definition = definitionFor('deprovisioning');
    const { States } = definition;
    const invoked = [...invokedEntries(definition)];
    const stateOf = (entry: string) =>
      invoked.find(([, invokes]) => invokes === entry)?.[0];
    const contents = stateOf(TEAR_DOWN_CONTENTS) ?? '';

    const choice = States[States[contents]?.Next ?? ''];
    const wait = States[choice?.Default ?? ''];

    const retried = States[contents]?.Retry?.flatMap((retry) => retry.ErrorEquals);
    expect(retried?.filter((error) => !error.startsWith('Lambda.'))).toEqual([
      'TransientDriverError',
    ]);
    expect(choice?.Type).toBe('Choice');
    expect(wait).toMatchObject({
      Type: 'Wait',
      SecondsPath: '$.wait_seconds',
      Next: contents,
    });
    expect(choice?.Choices).toContainEqual({
      Variable: '$.blocked_by_deployments',
      BooleanEquals: false,
      Next: stateOf(`${WORKFLOWS}/deprovisioning/deprovision-network.ts`),
    });
    const givingUp = choice?.Choices?.find((rule) => rule.Variable === '$.polls');
    expect(givingUp?.NumericGreaterThanEquals).toBe(MAX_DEPLOYMENT_POLLS);
    expect(States[givingUp?.Next ?? '']).toMatchObject({
      Type: 'Pass',
      Result: 'deprovisioning',
    });
  });

  it('waits for deployments for over an hour, within the workflow ceiling', () => {
    const definition = definitionFor('deprovisioning');

    const budget = MAX_DEPLOYMENT_POLLS * DEPLOYMENT_POLL_SECONDS;

    expect(budget).toBeGreaterThan(60 * 60);
    expect(budget).toBeLessThan(definition.TimeoutSeconds ?? 0);
  });

  it.each(WORKFLOW_NAMES)('invokes exactly the %s task functions', (name) => {
    const definition = definitionFor(name);

    const entries = [...new Set(invokedEntries(definition).values())];

    expect(entries.sort()).toEqual(TASK_MODULES[name]);
  });

  it.each(WORKFLOW_NAMES)('lets %s invoke its own task functions only', (name) => {
    const template = templateFor();
    const machine = resourceById(template, machineId(name));
    const own = taskStates(definitionFor(name)).map(([, state]) =>
      invokedFunction(state),
    );

    const statements = statementsOfRole(template, roleOf(machine));

    const invokable = statements
      .filter((statement) =>
        statement.Action.some((action) => action.startsWith('lambda:')),
      )
      .flatMap((statement) => statement.Resource)
      .map((resource) => JSON.stringify(resource));
    for (const resource of invokable)
      expect(
        own.some((fn) => resource.includes(`"${fn}"`)),
        resource,
      ).toBe(true);
    for (const fn of own)
      expect(invokable).toContain(JSON.stringify({ 'Fn::GetAtt': [fn, 'Arn'] }));
  });

  it.each([...new Set(Object.values(TASK_MODULES).flat())])(
    'lets the task function of %s use the table and nothing else',
    (entry) => {
      const template = templateFor();
      const table = onlyLogicalId(template, 'AWS::DynamoDB::Table');

      const statements = statementsFor(template, entry);

      const services = statements.flatMap((statement) =>
        statement.Action.map((action) => action.split(':')[0]),
      );
      expect([...new Set(services)].sort()).toEqual(['dynamodb', 'logs', 'xray']);
      const data = statements.filter((statement) =>
        statement.Action.some((action) => action.startsWith('dynamodb:')),
      );
      // Tearing an estate's contents down lists environments and services on gsi1.
      const resources =
        entry === TEAR_DOWN_CONTENTS
          ? [
              { 'Fn::GetAtt': [table, 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [table, 'Arn'] }, '/index/*']] },
            ]
          : [{ 'Fn::GetAtt': [table, 'Arn'] }];
      for (const statement of data)
        expect(resources).toEqual(expect.arrayContaining(statement.Resource));
      expect(data.flatMap((statement) => statement.Action)).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem']),
      );
    },
  );
});

describe('the route functions', () => {
  it.each(ROUTES)('give $name no Step Functions permission', (route) => {
    const statements = statementsFor(templateFor(), route.entry);

    const actions = statements.flatMap((statement) => statement.Action);

    expect(actions.filter((action) => action.startsWith('states:'))).toEqual([]);
  });

  it.each(ROUTES)('tell $name no state machine ARN', (route) => {
    const fn = functionFor(templateFor(), route.entry);

    const variables = Object.keys(variablesOf(fn));

    expect(variables.filter((name) => name.endsWith('_STATE_MACHINE_ARN'))).toEqual([]);
  });
});
