import { describe, expect, it } from 'vitest';
import { WORKFLOWS, type WorkflowName } from '../../functions/platform/workflows.ts';
import { ENTRY_METADATA_KEY } from '../../infra/constructs/platform-function.ts';
import {
  filterPatternsOf,
  logicalIdOf,
  mappingFeeding,
  resourceById,
  roleOf,
  statementsOfRole,
  variablesOf,
} from './support/resources.ts';
import { synthFor, templateFor } from './support/synth.ts';

const STARTER_ENTRY = 'functions/events/start-workflows.ts';

/** Logical IDs of the starter, its dead-letter queue and the state machines it starts. */
function starterIds() {
  const { workflowStarter, estates, deployments, services, events } = synthFor().stack;
  const machines: Record<WorkflowName, string> = {
    provisioning: logicalIdOf(estates.provisioning),
    deprovisioning: logicalIdOf(estates.deprovisioning),
    deployment: logicalIdOf(deployments.stateMachine),
    service_provisioning: logicalIdOf(services.stateMachine),
  };
  return {
    starter: logicalIdOf(workflowStarter.starter),
    queue: logicalIdOf(workflowStarter.deadLetters),
    eventsQueue: logicalIdOf(events.deadLetters),
    machines,
  };
}

const mapping = () => mappingFeeding(templateFor(), starterIds().starter);

const starterStatements = () => {
  const template = templateFor();
  return statementsOfRole(template, roleOf(resourceById(template, starterIds().starter)));
};

describe('WorkflowStarter', () => {
  it('runs the workflow starter module', () => {
    const starter = resourceById(templateFor(), starterIds().starter);

    expect(starter.Metadata?.[ENTRY_METADATA_KEY]).toBe(STARTER_ENTRY);
  });

  it('passes only workflow starts, written or written again', () => {
    const patterns = filterPatternsOf(mapping());

    expect(patterns).toEqual([
      {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { NewImage: { entity: { S: ['workflow_start'] } } },
      },
    ]);
  });

  it('sends records that keep failing to a dead-letter queue of its own', () => {
    const { queue, eventsQueue } = starterIds();

    const { Properties } = mapping();

    expect(queue).not.toBe(eventsQueue);
    expect(Properties?.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
    expect(resourceById(templateFor(), queue).Properties).toMatchObject({
      SqsManagedSseEnabled: true,
    });
  });

  it('lets the starter start the three workflows and nothing else in Step Functions', () => {
    const { machines } = starterIds();

    const states = starterStatements().filter((statement) =>
      statement.Action.some((action) => action.startsWith('states:')),
    );

    expect(states.flatMap((statement) => statement.Action)).toEqual(
      Object.keys(machines).map(() => 'states:StartExecution'),
    );
    const resources = states.flatMap((statement) => statement.Resource);
    expect(resources.map((resource) => JSON.stringify(resource)).sort()).toEqual(
      Object.values(machines)
        .map((id) => JSON.stringify({ Ref: id }))
        .sort(),
    );
  });

  it('gives the starter no table access beyond reading its stream', () => {
    const actions = starterStatements()
      .flatMap((statement) => statement.Action)
      .filter((action) => action.startsWith('dynamodb:'));

    expect(actions.sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
  });

  it.each(Object.keys(WORKFLOWS) as WorkflowName[])(
    'tells the starter the ARN of the %s workflow where it reads it',
    (workflow) => {
      const starter = resourceById(templateFor(), starterIds().starter);

      const variables = variablesOf(starter);

      expect(variables[WORKFLOWS[workflow]]).toEqual({
        Ref: starterIds().machines[workflow],
      });
    },
  );
});
