import type { Template } from 'aws-cdk-lib/assertions';
import { resourceById } from './resources.ts';

/** A retrier or catcher of a Task state. */
export interface ErrorHandler {
  readonly ErrorEquals: readonly string[];
  readonly BackoffRate?: number;
  readonly MaxAttempts?: number;
  readonly IntervalSeconds?: number;
  readonly ResultPath?: string;
  readonly Next?: string;
}

/** One state of an Amazon States Language definition, as far as the tests read it. */
export interface StateDefinition {
  readonly Type: string;
  readonly Next?: string;
  readonly Resource?: string;
  readonly Retry?: readonly ErrorHandler[];
  readonly Catch?: readonly ErrorHandler[];
  readonly SecondsPath?: string;
  readonly Result?: unknown;
  readonly ResultPath?: string;
  readonly Choices?: readonly {
    readonly Next: string;
    readonly Variable?: string;
    readonly BooleanEquals?: boolean;
    readonly NumericGreaterThanEquals?: number;
  }[];
  readonly Default?: string;
}

export interface WorkflowDefinition {
  readonly StartAt: string;
  readonly TimeoutSeconds?: number;
  readonly States: Readonly<Record<string, StateDefinition>>;
}

type Part = string | { Ref: string } | { 'Fn::GetAtt': [string, string] };

/** `<Id>` for a Ref, `<Id.Attribute>` for a GetAtt: the notation cdk-nag uses too. */
function placeholder(part: Part): string {
  if (typeof part === 'string') return part;
  if ('Ref' in part) return `<${part.Ref}>`;
  return `<${part['Fn::GetAtt'].join('.')}>`;
}

/**
 * The definition of the state machine with `logicalId`. CDK writes it as an
 * `Fn::Join` of JSON text and tokens (function ARNs); the tokens become placeholders
 * such as `<EstatesCheckNetworkFunction582F2E8F.Arn>` so the text parses.
 */
export function definitionOf(template: Template, logicalId: string): WorkflowDefinition {
  const body = resourceById(template, logicalId).Properties?.DefinitionString;
  return JSON.parse(joinedText(body)) as WorkflowDefinition;
}

/**
 * JSON text CDK wrote as an `Fn::Join` of strings and tokens, with each token as a
 * placeholder; plain text comes back as it is.
 */
export function joinedText(value: unknown): string {
  if (typeof value === 'string') return value;
  const [separator, parts] = (value as { 'Fn::Join': [string, Part[]] })['Fn::Join'];
  return parts.map(placeholder).join(separator);
}

/** The logical ID of the function a Task state invokes, read from its `Resource`. */
export function invokedFunction(state: StateDefinition): string {
  const match = /^<(\w+)\.Arn>$/.exec(state.Resource ?? '');
  if (!match?.[1]) throw new Error(`Task does not invoke a function: ${state.Resource}`);
  return match[1];
}

/** The Task states of a definition, by name. */
export function taskStates(definition: WorkflowDefinition): [string, StateDefinition][] {
  return Object.entries(definition.States).filter(([, state]) => state.Type === 'Task');
}
