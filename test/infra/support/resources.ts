import type { Template } from 'aws-cdk-lib/assertions';
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

/** The resource with `logicalId`. */
export function resourceById(template: Template, logicalId: string): TemplateResource {
  const resource = (template.toJSON().Resources as Resources)[logicalId];
  if (!resource) throw new Error(`No resource ${logicalId}`);
  return resource;
}

/** The Lambda function whose metadata names `entry` as its handler module. */
export function functionFor(template: Template, entry: string): TemplateResource {
  const matches = Object.values(resources(template, 'AWS::Lambda::Function')).filter(
    (fn) => fn.Metadata?.[ENTRY_METADATA_KEY] === entry,
  );
  if (matches.length !== 1) throw new Error(`Expected one function for ${entry}`);
  return matches[0] as TemplateResource;
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
  const role = functionFor(template, entry).Properties?.Role as {
    'Fn::GetAtt': [string, string];
  };
  const roleRef = JSON.stringify({ Ref: role['Fn::GetAtt'][0] });

  return Object.values(resources(template, 'AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties?.Roles).includes(roleRef))
    .flatMap((policy) => statementsOf(policy))
    .filter((statement) => !options.unconditional || !statement.Condition)
    .flatMap((statement) => statement.Action);
}

interface Statement {
  readonly Action: string | string[];
  readonly Condition?: unknown;
}

function statementsOf(
  policy: TemplateResource,
): { Action: string[]; Condition?: unknown }[] {
  const document = policy.Properties?.PolicyDocument as { Statement: Statement[] };
  return document.Statement.map((statement) => ({
    Action: [statement.Action].flat(),
    Condition: statement.Condition,
  }));
}
