/** How a template's references resolve in the local cloud. */
export interface ReferenceResolver {
  readonly ref: (logicalId: string) => string;
  readonly getAtt: (logicalId: string, attribute: string) => string;
  /** Resolves a `{{resolve:…}}` dynamic reference. */
  readonly dynamic: (reference: string) => string;
}

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '000000000000',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NoValue': '',
};

/** A template construct the local cloud cannot evaluate: failing loudly beats guessing. */
export class UnsupportedIntrinsicError extends Error {
  constructor(what: string) {
    super(`the local runtime cannot resolve ${what}`);
    this.name = 'UnsupportedIntrinsicError';
  }
}

function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UnsupportedIntrinsicError(
    `a non-text value in a string position: ${JSON.stringify(value)}`,
  );
}

function substitute(
  template: string,
  variables: Record<string, unknown>,
  resolver: ReferenceResolver,
): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    if (name in variables) return asString(resolveValue(variables[name], resolver));
    if (name in PSEUDO) return PSEUDO[name] ?? '';
    const [id, attribute] = name.split('.');
    if (!id) throw new UnsupportedIntrinsicError(`Fn::Sub variable ${name}`);
    return attribute ? resolver.getAtt(id, attribute) : resolver.ref(id);
  });
}

function resolveFunction(
  name: string,
  argument: unknown,
  resolver: ReferenceResolver,
): unknown {
  switch (name) {
    case 'Ref': {
      const id = asString(argument);
      return PSEUDO[id] ?? resolver.ref(id);
    }
    case 'Fn::GetAtt': {
      const [id, attribute] = Array.isArray(argument)
        ? argument
        : asString(argument).split('.');
      return resolver.getAtt(asString(id), asString(attribute));
    }
    case 'Fn::Join': {
      const [separator, parts] = argument as [string, unknown[]];
      return (resolveValue(parts, resolver) as unknown[]).map(asString).join(separator);
    }
    case 'Fn::Sub': {
      const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
      return substitute(
        asString(template),
        variables as Record<string, unknown>,
        resolver,
      );
    }
    case 'Fn::Select': {
      const [index, list] = argument as [unknown, unknown];
      return (resolveValue(list, resolver) as unknown[])[
        Number(resolveValue(index, resolver))
      ];
    }
    case 'Fn::Split': {
      const [separator, text] = argument as [string, unknown];
      return asString(resolveValue(text, resolver)).split(separator);
    }
    default:
      throw new UnsupportedIntrinsicError(name);
  }
}

/** Resolves CloudFormation intrinsic functions in a template value, recursively. */
export function resolveValue(value: unknown, resolver: ReferenceResolver): unknown {
  if (typeof value === 'string') {
    return value.replace(/\{\{resolve:[^}]+\}\}/g, (reference) =>
      resolver.dynamic(reference),
    );
  }
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, resolver));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (
    entries.length === 1 &&
    first &&
    (first[0] === 'Ref' || first[0].startsWith('Fn::'))
  ) {
    return resolveFunction(first[0], first[1], resolver);
  }
  return Object.fromEntries(
    entries.map(([key, item]) => [key, resolveValue(item, resolver)]),
  );
}
