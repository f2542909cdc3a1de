import type { BusEvent, LocalRule } from './event-bus.ts';
import { type ReferenceResolver, resolveValue } from './intrinsics.ts';
import { localFunction } from './invoke.ts';
import { localLog } from './log.ts';
import {
  type LocalSchedule,
  ratePeriodSeconds,
  schedulePeriodSeconds,
} from './schedules.ts';
import {
  type LocalStateMachineDefinition,
  type TaskFunction,
  walkStates,
} from './step-functions.ts';
import type { EventSourceMappingOptions } from './stream-poller.ts';

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

export interface Template {
  readonly Resources: Record<string, Resource>;
}

/** What the local cloud needs from the runtime that hosts it. */
export interface LocalCloudHost {
  readonly root: string;
  readonly tableName: string;
  readonly streamArn: string;
  readonly awsEndpoint: string;
  readonly secretValue: string;
  readonly startExecution: (stateMachineArn: string, input: string) => Promise<unknown>;
  readonly sendToQueue: (queueUrl: string, body: string) => void;
  /** Told after every invocation of a function, which may have written to the table. */
  readonly afterInvoke?: () => void;
}

/** A stream event source mapping, with the handler module of the function it feeds. */
export interface LocalEventSourceMapping extends EventSourceMappingOptions {
  readonly entry: string;
}

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const ENTRY_METADATA_KEY = 'platform:entry';
/** Variables that differ per function and mean nothing to an in-process handler. */
const PER_FUNCTION_VARIABLES = new Set(['POWERTOOLS_SERVICE_NAME', 'NODE_OPTIONS']);

/**
 * The CDK app's template read as a local cloud: which module each function runs, the
 * environment the functions get, the state machines with their Tasks bound to local
 * functions, the buses and rules with their targets, and the stream event source
 * mappings. Anything the template uses that has no local meaning fails loudly.
 */
export class LocalCloud {
  readonly #template: Template;
  readonly #host: LocalCloudHost;
  readonly #functions = new Map<string, TaskFunction>();

  constructor(template: Template, host: LocalCloudHost) {
    this.#template = template;
    this.#host = host;
  }

  #resources(type: string): [string, Resource][] {
    return Object.entries(this.#template.Resources).filter(
      ([, resource]) => resource.Type === type,
    );
  }

  #resource(logicalId: string): Resource {
    const resource = this.#template.Resources[logicalId];
    if (!resource) throw new Error(`template has no resource ${logicalId}`);
    return resource;
  }

  readonly resolver: ReferenceResolver = {
    ref: (id) => this.#ref(id),
    getAtt: (id, attribute) => this.#getAtt(id, attribute),
    dynamic: (reference) => {
      if (reference.startsWith('{{resolve:secretsmanager:'))
        return this.#host.secretValue;
      throw new Error(`the local runtime cannot resolve ${reference}`);
    },
  };

  #ref(id: string): string {
    const resource = this.#resource(id);
    switch (resource.Type) {
      case 'AWS::DynamoDB::Table':
      case 'AWS::DynamoDB::GlobalTable':
        return this.#host.tableName;
      case 'AWS::Lambda::Function':
        return id;
      case 'AWS::StepFunctions::StateMachine':
        return `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`;
      case 'AWS::Events::EventBus':
        return this.#busName(id);
      case 'AWS::SQS::Queue':
        return `${this.#host.awsEndpoint}/${ACCOUNT}/${id}`;
      case 'AWS::SecretsManager::Secret':
        return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${id}`;
      default:
        return id;
    }
  }

  #getAtt(id: string, attribute: string): string {
    const type = this.#resource(id).Type;
    if (type.startsWith('AWS::DynamoDB::') && attribute === 'StreamArn')
      return this.#host.streamArn;
    if (type.startsWith('AWS::DynamoDB::') && attribute === 'Arn') {
      return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${this.#host.tableName}`;
    }
    if (type === 'AWS::Lambda::Function' && attribute === 'Arn') return functionArn(id);
    if (type === 'AWS::StepFunctions::StateMachine' && attribute === 'Name') return id;
    if (type === 'AWS::StepFunctions::StateMachine' && attribute === 'Arn')
      return this.#ref(id);
    if (type === 'AWS::Events::EventBus' && attribute === 'Name')
      return this.#busName(id);
    if (type === 'AWS::Events::EventBus' && attribute === 'Arn') {
      return `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/${this.#busName(id)}`;
    }
    if (type === 'AWS::SQS::Queue' && attribute === 'Arn')
      return `arn:aws:sqs:${REGION}:${ACCOUNT}:${id}`;
    if (type === 'AWS::SQS::Queue' && attribute === 'QueueUrl') return this.#ref(id);
    if (type === 'AWS::SQS::Queue' && attribute === 'QueueName') return id;
    if (type === 'AWS::Logs::LogGroup' && attribute === 'Arn')
      return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${id}`;
    if (type === 'AWS::IAM::Role' && attribute === 'Arn')
      return `arn:aws:iam::${ACCOUNT}:role/${id}`;
    return `arn:local:${type}:${id}:${attribute}`;
  }

  #busName(id: string): string {
    const name = this.#resource(id).Properties?.Name;
    return typeof name === 'string' ? name : id;
  }

  /** The function a logical ID, name or ARN points at, bound to its handler module. */
  functionFor(reference: string): TaskFunction {
    const id = reference.startsWith('arn:aws:lambda:')
      ? (reference.split(':').pop() ?? '')
      : reference;
    const existing = this.#functions.get(id);
    if (existing) return existing;
    const entry = this.#template.Resources[id]?.Metadata?.[ENTRY_METADATA_KEY];
    if (typeof entry !== 'string')
      throw new Error(`no local handler module for function ${reference}`);
    const run = localFunction(this.#host.root, entry, id);
    const invoke = async (payload: unknown) => {
      try {
        return await run(payload);
      } finally {
        this.#host.afterInvoke?.();
      }
    };
    this.#functions.set(id, invoke);
    return invoke;
  }

  /** The union of every function's environment, resolved; a conflicting variable is an error. */
  environment(): Record<string, string> {
    const merged: Record<string, string> = {};
    for (const [id, resource] of this.#resources('AWS::Lambda::Function')) {
      const variables = (
        resource.Properties?.Environment as { Variables?: unknown } | undefined
      )?.Variables;
      const resolved = resolveValue(variables ?? {}, this.resolver) as Record<
        string,
        string
      >;
      for (const [name, value] of Object.entries(resolved)) {
        if (PER_FUNCTION_VARIABLES.has(name)) continue;
        if (merged[name] !== undefined && merged[name] !== value) {
          throw new Error(
            `functions disagree on ${name} (${id}); the local runtime shares one environment`,
          );
        }
        merged[name] = value;
      }
    }
    return merged;
  }

  stateMachines(): LocalStateMachineDefinition[] {
    return this.#resources('AWS::StepFunctions::StateMachine').map(([id, resource]) => {
      const text = resolveValue(resource.Properties?.DefinitionString, this.resolver);
      const definition = JSON.parse(String(text)) as Record<string, unknown>;
      const tasks: Record<string, TaskFunction> = {};
      walkStates(definition, (name, state) => {
        if (state.Type === 'Task') tasks[name] = this.#taskFunction(id, name, state);
      });
      return { arn: this.#ref(id), name: id, definition, tasks };
    });
  }

  #taskFunction(
    machine: string,
    name: string,
    state: Record<string, unknown>,
  ): TaskFunction {
    const resource = String(state.Resource ?? '');
    if (resource.startsWith('arn:aws:lambda:')) return this.functionFor(resource);
    if (resource === 'arn:aws:states:::lambda:invoke') {
      const target = String(
        (state.Parameters as Record<string, unknown> | undefined)?.FunctionName ?? '',
      );
      const invoke = this.functionFor(target);
      return async (input) => ({
        StatusCode: 200,
        Payload: await invoke((input as { Payload?: unknown }).Payload),
      });
    }
    throw new Error(
      `state machine ${machine}: Task ${name} calls ${resource}, which has no local stand-in`,
    );
  }

  buses(): string[] {
    return this.#resources('AWS::Events::EventBus').map(([id]) => this.#busName(id));
  }

  #enabledRules(scheduled: boolean): [string, Resource][] {
    return this.#resources('AWS::Events::Rule').filter(
      ([, resource]) =>
        resource.Properties?.State !== 'DISABLED' &&
        (resource.Properties?.ScheduleExpression !== undefined) === scheduled,
    );
  }

  /**
   * Everything the template runs on a schedule: scheduled rules and EventBridge
   * Scheduler schedules, with their periods and their targets bound to local stand-ins.
   */
  schedules(): LocalSchedule[] {
    return [...this.#scheduledRules(), ...this.#schedulerSchedules()];
  }

  #scheduledRules(): LocalSchedule[] {
    return this.#enabledRules(true).map(([id, resource]) => {
      const properties = resolveValue(resource.Properties ?? {}, this.resolver) as Record<
        string,
        unknown
      >;
      const targets = (properties.Targets ?? []) as Record<string, unknown>[];
      return {
        name: id,
        periodSeconds: ratePeriodSeconds(String(properties.ScheduleExpression)),
        targets: targets.map((target) => this.#target(id, target)),
      };
    });
  }

  rules(): LocalRule[] {
    return this.#enabledRules(false).map(([id, resource]) => {
      const properties = resolveValue(resource.Properties ?? {}, this.resolver) as Record<
        string,
        unknown
      >;
      const targets = (properties.Targets ?? []) as Record<string, unknown>[];
      return {
        name: id,
        busName:
          String(properties.EventBusName ?? 'default')
            .split('/')
            .pop() ?? 'default',
        pattern:
          typeof properties.EventPattern === 'string'
            ? JSON.parse(properties.EventPattern)
            : properties.EventPattern,
        targets: targets.map((target) => ({
          id: String(target.Id),
          deliver: this.#target(id, target),
        })),
      };
    });
  }

  #target(
    rule: string,
    target: Record<string, unknown>,
  ): (event: BusEvent) => Promise<unknown> {
    const arn = String(target.Arn ?? '');
    const payload = (event: BusEvent) =>
      typeof target.Input === 'string' ? JSON.parse(target.Input) : event;
    if (arn.startsWith('arn:aws:lambda:')) {
      const invoke = this.functionFor(arn);
      return (event) => invoke(payload(event));
    }
    if (arn.startsWith('arn:aws:states:')) {
      return (event) => this.#host.startExecution(arn, JSON.stringify(payload(event)));
    }
    if (arn.startsWith('arn:aws:sqs:')) {
      const url = `${this.#host.awsEndpoint}/${ACCOUNT}/${arn.split(':').pop()}`;
      return async (event) => this.#host.sendToQueue(url, JSON.stringify(payload(event)));
    }
    if (arn.startsWith('arn:aws:logs:')) {
      return async (event) => localLog.info('event', { rule, event });
    }
    throw new Error(`rule ${rule}: target ${arn} has no local stand-in`);
  }

  queueUrls(): string[] {
    return this.#resources('AWS::SQS::Queue').map(([id]) => this.#ref(id));
  }

  eventSourceMappings(): LocalEventSourceMapping[] {
    return this.#resources('AWS::Lambda::EventSourceMapping').map(([id, resource]) => {
      const properties = resolveValue(resource.Properties ?? {}, this.resolver) as Record<
        string,
        unknown
      >;
      if (properties.EventSourceArn !== this.#host.streamArn) {
        throw new Error(
          `event source mapping ${id} reads ${String(properties.EventSourceArn)}, which has no local stand-in`,
        );
      }
      const filters = (
        (properties.FilterCriteria as { Filters?: { Pattern: string }[] } | undefined)
          ?.Filters ?? []
      ).map((filter) => JSON.parse(filter.Pattern) as unknown);
      const destination = (
        properties.DestinationConfig as
          | { OnFailure?: { Destination?: string } }
          | undefined
      )?.OnFailure?.Destination;
      const target = String(properties.FunctionName);
      return {
        entry: String(this.#resource(target).Metadata?.[ENTRY_METADATA_KEY]),
        streamArn: this.#host.streamArn,
        invoke: this.functionFor(target),
        batchSize: Number(properties.BatchSize ?? 100),
        filters,
        maxRetryAttempts: Number(properties.MaximumRetryAttempts ?? 3),
        bisectOnError: properties.BisectBatchOnFunctionError === true,
        ...(destination
          ? {
              onFailure: async (failure: unknown) =>
                this.#host.sendToQueue(
                  `${this.#host.awsEndpoint}/${ACCOUNT}/${destination.split(':').pop()}`,
                  JSON.stringify(failure),
                ),
            }
          : {}),
      };
    });
  }

  /**
   * The EventBridge Scheduler schedules that are enabled, each bound to its Lambda
   * target with the input the scheduler would send (its `<aws.scheduler.scheduled-time>`
   * filled in with the local firing time).
   */
  #schedulerSchedules(): LocalSchedule[] {
    return this.#resources('AWS::Scheduler::Schedule')
      .filter(([, resource]) => resource.Properties?.State !== 'DISABLED')
      .map(([id, resource]) => {
        const properties = resolveValue(
          resource.Properties ?? {},
          this.resolver,
        ) as Record<string, unknown>;
        const target = (properties.Target ?? {}) as Record<string, unknown>;
        const arn = String(target.Arn ?? '');
        if (!arn.startsWith('arn:aws:lambda:'))
          throw new Error(`schedule ${id}: target ${arn} has no local stand-in`);
        const invoke = this.functionFor(arn);
        const input = typeof target.Input === 'string' ? target.Input : '{}';
        const fire = (time: Date) =>
          invoke(
            JSON.parse(
              input.replaceAll('<aws.scheduler.scheduled-time>', time.toISOString()),
            ),
          );
        return {
          name: id,
          periodSeconds: schedulePeriodSeconds(
            String(properties.ScheduleExpression ?? ''),
          ),
          targets: [(event) => fire(new Date(event.time))],
        };
      });
  }
}

const functionArn = (id: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${id}`;
