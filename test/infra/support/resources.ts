import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ENTRY_METADATA_KEY } from '../../../infra/constructs/platform-function.ts';

/** A resource as it stands in a synthesized template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}

type Resources = Record<string, TemplateResource>;

const resources = (template: Template, type: string) =>
  template.findResources(type) as Resources;

/** The logical ID of the only resource of `type`. */
export function onlyLogicalId(template: Template, type: string): string {
  const ids = Object.keys(resources(template, type));
  if (ids.length !== 1) throw new Error(`Expected one ${type}, found ${ids.length}`);
  return ids[0] as string;
}

/** The event source mapping that feeds the function with `functionId`. */
export function mappingFeeding(template: Template, functionId: string): TemplateResource {
  const matches = Object.values(
    resources(template, 'AWS::Lambda::EventSourceMapping'),
  ).filter(
    (mapping) =>
      JSON.stringify(mapping.Properties?.FunctionName) ===
      JSON.stringify({ Ref: functionId }),
  );
  if (matches.length !== 1) throw new Error(`Expected one mapping for ${functionId}`);
  return matches[0] as TemplateResource;
}

/** The event filter patterns of an event source mapping, parsed. */
export function filterPatternsOf(mapping: TemplateResource): unknown[] {
  const criteria = mapping.Properties?.FilterCriteria as
    | { Filters?: { Pattern: string }[] }
    | undefined;
  return (criteria?.Filters ?? []).map((filter) => JSON.parse(filter.Pattern));
}

/** The resource with `logicalId`. */
export function resourceById(template: Template, logicalId: string): TemplateResource {
  const resource = (template.toJSON().Resources as Resources)[logicalId];
  if (!resource) throw new Error(`No resource ${logicalId}`);
  return resource;
}

/** The logical ID of a construct's CloudFormation resource, e.g. a state machine's. */
export function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild as CfnElement;
  return Stack.of(construct).resolve(resource.logicalId);
}

/** The handler module each Lambda function names in its metadata, keyed by logical ID. */
export function functionEntries(template: Template): Map<string, unknown> {
  return new Map(
    Object.entries(resources(template, 'AWS::Lambda::Function')).map(([id, fn]) => [
      id,
      fn.Metadata?.[ENTRY_METADATA_KEY],
    ]),
  );
}

/** The Lambda function whose metadata names `entry` as its handler module. */
export function functionFor(template: Template, entry: string): TemplateResource {
  const matches = Object.values(resources(template, 'AWS::Lambda::Function')).filter(
    (fn) => fn.Metadata?.[ENTRY_METADATA_KEY] === entry,
  );
  if (matches.length !== 1) throw new Error(`Expected one function for ${entry}`);
  return matches[0] as TemplateResource;
}

/** The environment variables of a Lambda function resource, by name. */
export function variablesOf(fn: TemplateResource): Record<string, unknown> {
  const environment = fn.Properties?.Environment as
    | { Variables?: Record<string, unknown> }
    | undefined;
  return environment?.Variables ?? {};
}

/** An IAM policy statement with its actions and resources always as lists. */
export interface Statement {
  readonly Effect: string;
  readonly Action: string[];
  readonly Resource: unknown[];
  readonly Condition?: unknown;
}

interface RawStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** The logical ID of the role a function or state machine assumes. */
export function roleOf(resource: TemplateResource): string {
  const { Role, RoleArn } = resource.Properties ?? {};
  const arn = (Role ?? RoleArn) as { 'Fn::GetAtt': [string, string] };
  return arn['Fn::GetAtt'][0];
}

/** Every statement of the policies attached to the role with `roleId`. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  const roleRef = JSON.stringify({ Ref: roleId });

  return Object.values(resources(template, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(roleRef))
    .flatMap((policy) => {
      const document = policy.Properties?.PolicyDocument as { Statement: RawStatement[] };
      return document.Statement.map((statement) => ({
        Effect: statement.Effect,
        Action: [statement.Action].flat(),
        Resource: [statement.Resource].flat(),
        ...(statement.Condition ? { Condition: statement.Condition } : {}),
      }));
    });
}

/** Every statement of the policies of the role of the function for `entry`. */
export function statementsFor(template: Template, entry: string): Statement[] {
  return statementsOfRole(template, roleOf(functionFor(template, entry)));
}

/**
 * Every IAM action the role of the function for `entry` is allowed by its policies;
 * with `unconditional`, only those no IAM condition narrows.
 */
export function actionsOf(
  template: Template,
  entry: string,
  options: { unconditional?: boolean } = {},
): string[] {
  return statementsFor(template, entry)
    .filter((statement) => !options.unconditional || !statement.Condition)
    .flatMap((statement) => statement.Action);
}
