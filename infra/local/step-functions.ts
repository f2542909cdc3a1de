import {
  ExecutionAbortedError,
  ExecutionError,
  StateMachine,
} from 'aws-local-stepfunctions';
import { type AwsEndpoint, AwsServiceError } from './aws-endpoint.ts';

export type TaskFunction = (input: unknown) => Promise<unknown>;

/** A state machine as the CDK app defines it, with its Task resources resolved locally. */
export interface LocalStateMachineDefinition {
  readonly arn: string;
  readonly name: string;
  /** The Amazon States Language definition, exactly as synthesized. */
  readonly definition: Record<string, unknown>;
  /** Task state name → the local function its Resource resolves to. */
  readonly tasks: Readonly<Record<string, TaskFunction>>;
}

export interface LocalStepFunctionsOptions {
  /** Every Wait state lasts this long locally, in milliseconds. @default 200 */
  readonly waitMs?: number;
  /** Every Retry interval lasts this long locally, in milliseconds. @default 50 */
  readonly retryMs?: number;
  /** StartExecution fails this many calls with a 500 before any starts (fault injection). @default 0 */
  readonly failFirstStarts?: number;
}

type Status = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

interface Execution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  status: Status;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  abort: () => void;
  done: Promise<void>;
}

interface StateNames {
  readonly waits: string[];
  readonly retries: string[];
  readonly tasks: string[];
}

/** Visits every state of a definition, nested branches and item processors included. */
export function walkStates(
  definition: Record<string, unknown>,
  visit: (name: string, state: Record<string, unknown>) => void,
): void {
  const states = (definition.States ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, state] of Object.entries(states)) {
    visit(name, state);
    for (const branch of (state.Branches ?? []) as Record<string, unknown>[])
      walkStates(branch, visit);
    const processor = (state.ItemProcessor ?? state.Iterator) as
      | Record<string, unknown>
      | undefined;
    if (processor) walkStates(processor, visit);
  }
}

/** Collects the names of Wait, retrying and Task states. */
function stateNames(definition: Record<string, unknown>): StateNames {
  const names: StateNames = { waits: [], retries: [], tasks: [] };
  walkStates(definition, (name, state) => {
    if (state.Type === 'Wait') names.waits.push(name);
    if (state.Type === 'Task') names.tasks.push(name);
    if (Array.isArray(state.Retry)) names.retries.push(name);
  });
  return names;
}

const epochSeconds = (date: Date | undefined) =>
  date ? date.getTime() / 1000 : undefined;

/**
 * Runs the synthesized state machines locally behind the Step Functions API
 * (StartExecution, DescribeExecution, StopExecution, ListExecutions), with AWS's
 * execution-name rules: one execution per name; the same name and input while it
 * runs returns the running one, anything else is ExecutionAlreadyExists.
 */
export class LocalStepFunctions {
  readonly #machines = new Map<
    string,
    { spec: LocalStateMachineDefinition; machine: StateMachine }
  >();
  readonly #executions = new Map<string, Execution>();
  readonly #waitMs: number;
  readonly #retryMs: number;
  #startFailuresLeft: number;

  constructor(
    definitions: readonly LocalStateMachineDefinition[],
    options: LocalStepFunctionsOptions = {},
  ) {
    this.#waitMs = options.waitMs ?? 200;
    this.#retryMs = options.retryMs ?? 50;
    this.#startFailuresLeft = options.failFirstStarts ?? 0;
    for (const spec of definitions) {
      const missing = stateNames(spec.definition).tasks.filter(
        (task) => !spec.tasks[task],
      );
      if (missing.length > 0) {
        throw new Error(
          `state machine ${spec.name}: no local function for Task state(s) ${missing.join(', ')}`,
        );
      }
      const machine = new StateMachine(
        spec.definition as never,
        {
          validationOptions: { checkArn: false, checkPaths: true },
        } as never,
      );
      this.#machines.set(spec.arn, { spec, machine });
    }
  }

  register(endpoint: AwsEndpoint): void {
    endpoint.register('AWSStepFunctions.StartExecution', (input) =>
      this.startExecution(input),
    );
    endpoint.register('AWSStepFunctions.DescribeExecution', async (input) =>
      this.describe(input),
    );
    endpoint.register('AWSStepFunctions.StopExecution', async (input) =>
      this.stop(input),
    );
    endpoint.register('AWSStepFunctions.ListExecutions', async (input) =>
      this.list(input),
    );
  }

  /** Resolves once no execution is running (for tests and orderly shutdown). */
  async idle(): Promise<void> {
    const running = [...this.#executions.values()].filter(
      (execution) => execution.status === 'RUNNING',
    );
    await Promise.all(running.map((execution) => execution.done));
  }

  /** How many of the injected StartExecution failures are still to come (fault drills). */
  get startFailuresLeft(): number {
    return this.#startFailuresLeft;
  }

  async startExecution(input: Record<string, unknown>) {
    if (this.#startFailuresLeft > 0) {
      this.#startFailuresLeft -= 1;
      throw new AwsServiceError('ServiceUnavailable', 'Injected failure.', 500);
    }
    const stateMachineArn = String(input.stateMachineArn ?? '');
    const entry = this.#machines.get(stateMachineArn);
    if (!entry)
      throw new AwsServiceError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${stateMachineArn}'`,
      );
    const name = String(input.name ?? crypto.randomUUID());
    const text = typeof input.input === 'string' ? input.input : '{}';
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.#executions.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === text) {
        return { executionArn, startDate: epochSeconds(existing.startDate) };
      }
      throw new AwsServiceError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${executionArn}'`,
      );
    }
    const execution = this.#run(entry, executionArn, name, text);
    this.#executions.set(executionArn, execution);
    return { executionArn, startDate: epochSeconds(execution.startDate) };
  }

  #run(
    entry: { spec: LocalStateMachineDefinition; machine: StateMachine },
    executionArn: string,
    name: string,
    text: string,
  ) {
    const names = stateNames(entry.spec.definition);
    const startDate = new Date();
    const run = entry.machine.run(JSON.parse(text), {
      overrides: {
        taskResourceLocalHandlers: entry.spec.tasks,
        waitTimeOverrides: Object.fromEntries(
          names.waits.map((wait) => [wait, this.#waitMs]),
        ),
        retryIntervalOverrides: Object.fromEntries(
          names.retries.map((state) => [state, this.#retryMs]),
        ),
      },
      context: {
        Execution: {
          Id: executionArn,
          Name: name,
          StartTime: startDate.toISOString(),
          Input: JSON.parse(text),
        },
        StateMachine: { Id: entry.spec.arn, Name: entry.spec.name },
      },
    } as never);
    const execution: Execution = {
      executionArn,
      stateMachineArn: entry.spec.arn,
      name,
      input: text,
      startDate,
      status: 'RUNNING',
      abort: () => run.abort(),
      done: Promise.resolve(),
    };
    execution.done = run.result.then(
      (output: unknown) =>
        this.#finish(execution, 'SUCCEEDED', { output: JSON.stringify(output ?? null) }),
      (error: unknown) => this.#finish(execution, ...failure(error)),
    );
    return execution;
  }

  #finish(
    execution: Execution,
    status: Status,
    details: { output?: string; error?: string; cause?: string },
  ) {
    if (execution.status !== 'RUNNING') return;
    Object.assign(execution, { status, stopDate: new Date(), ...details });
  }

  describe(input: Record<string, unknown>) {
    const execution = this.#get(input);
    return {
      executionArn: execution.executionArn,
      stateMachineArn: execution.stateMachineArn,
      name: execution.name,
      status: execution.status,
      startDate: epochSeconds(execution.startDate),
      stopDate: epochSeconds(execution.stopDate),
      input: execution.input,
      output: execution.output,
      error: execution.error,
      cause: execution.cause,
    };
  }

  stop(input: Record<string, unknown>) {
    const execution = this.#get(input);
    if (execution.status === 'RUNNING') {
      execution.abort();
      this.#finish(execution, 'ABORTED', {
        error: typeof input.error === 'string' ? input.error : undefined,
        cause: typeof input.cause === 'string' ? input.cause : undefined,
      });
    }
    return { stopDate: epochSeconds(execution.stopDate) };
  }

  list(input: Record<string, unknown>) {
    const executions = [...this.#executions.values()].filter(
      (execution) =>
        execution.stateMachineArn === input.stateMachineArn &&
        (input.statusFilter === undefined || execution.status === input.statusFilter),
    );
    return {
      executions: executions.map((execution) => ({
        executionArn: execution.executionArn,
        stateMachineArn: execution.stateMachineArn,
        name: execution.name,
        status: execution.status,
        startDate: epochSeconds(execution.startDate),
        stopDate: epochSeconds(execution.stopDate),
      })),
    };
  }

  #get(input: Record<string, unknown>): Execution {
    const execution = this.#executions.get(String(input.executionArn ?? ''));
    if (!execution)
      throw new AwsServiceError(
        'ExecutionDoesNotExist',
        `Execution Does Not Exist: '${String(input.executionArn)}'`,
      );
    return execution;
  }
}

function failure(error: unknown): [Status, { error?: string; cause?: string }] {
  if (error instanceof ExecutionAbortedError) return ['ABORTED', {}];
  const cause =
    error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error)
    return ['FAILED', { error: cause.name, cause: cause.message }];
  return ['FAILED', { error: 'Error', cause: String(cause) }];
}
