import * as z from 'zod/mini';

type Issue = z.core.$ZodRawIssue;

// Types whose name does not read well after "a" or "an" in a message.
const TYPES: Readonly<Record<string, string>> = {
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  record: 'an object',
  tuple: 'an array',
  null: 'null',
};

const typeName = (type: string) =>
  TYPES[type] ?? `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;

const UNITS: Readonly<Record<string, string>> = {
  string: 'characters',
  array: 'items',
  set: 'items',
  map: 'entries',
  file: 'bytes',
};

/**
 * The field a message is about: the last key of the issue's path, with any array
 * positions after it (`zones[2]`). The problem document's `field` carries the full
 * path; workflow task errors show only the message, so it names the field itself.
 */
function subjectOf(path: readonly PropertyKey[] = []): string {
  let at = path.length - 1;
  while (at >= 0 && typeof path[at] !== 'string') at -= 1;
  const positions = path.slice(at + 1).map((position) => `[${String(position)}]`);
  return at < 0
    ? `The value${positions.join('')}`
    : `${String(path[at])}${positions.join('')}`;
}

const listed = (values: readonly unknown[]) => values.map(String).join(', ');

function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const unit = UNITS[issue.origin];
  if (unit) {
    const amount = issue.exact ? 'exactly' : small ? 'at least' : 'at most';
    return issue.origin === 'string'
      ? `must be ${amount} ${limit} ${unit} long`
      : `must have ${amount} ${limit} ${unit}`;
  }
  const shown = issue.origin === 'date' ? new Date(Number(limit)).toISOString() : limit;
  if (issue.exact) return `must be exactly ${shown}`;
  if (small) return `must be ${issue.inclusive ? 'at least' : 'more than'} ${shown}`;
  return `must be ${issue.inclusive ? 'at most' : 'less than'} ${shown}`;
}

function format(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  const { format } = issue;
  if (format === 'regex') return `must match the pattern ${issue.pattern}`;
  if (format === 'starts_with') return `must start with "${String(issue.prefix)}"`;
  if (format === 'ends_with') return `must end with "${String(issue.suffix)}"`;
  if (format === 'includes') return `must contain "${String(issue.includes)}"`;
  if (format === 'datetime') {
    const def = issue.inst?._zod.def as { offset?: boolean } | undefined;
    return `must be an RFC 3339 date-time${def?.offset ? '' : ' in UTC'}, such as 2026-04-01T10:00:00Z`;
  }
  // email, uuid, cidrv4, lowercase, …: formats this API's schemas do not use today.
  return `must be in ${format} format`;
}

function predicate(issue: Issue): string {
  // A key the input leaves out reaches its schema as undefined.
  const missing =
    issue.input === undefined &&
    (issue.code === 'invalid_value' ||
      (issue.code === 'invalid_type' && issue.expected !== 'undefined'));
  if (missing) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'never' || issue.expected === 'undefined')
        return 'is not allowed';
      return `must be ${typeName(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1 && !issue.exact)
        return 'must not be empty';
      return bound(issue);
    case 'too_big':
      return bound(issue);
    case 'invalid_format':
      return format(issue);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of: ${listed(issue.values)}`;
    case 'invalid_union':
      if (Array.isArray(issue.options) && issue.options.length > 0)
        return `must be one of: ${listed(issue.options)}`;
      return issue.inclusive === false
        ? 'matches more than one of the allowed forms'
        : 'matches none of the allowed forms';
    // A record's issue is about the key itself (its path ends with it); a map's, whose
    // keys need not be names, is about the map.
    case 'invalid_key':
      return issue.origin === 'map'
        ? 'has a key that is not allowed'
        : 'is not an allowed key';
    case 'invalid_element':
      return 'holds a value that is not allowed';
    default:
      return 'is invalid';
  }
}

/**
 * Words every zod issue that brings no message of its own, as a sentence naming the
 * field: "name is required.", "replicas must be at least 1.". Unknown keys read as
 * "Unknown field(s): a, b." since the field there is the object that holds them.
 */
function issueMessage(issue: Issue): string {
  if (issue.code === 'unrecognized_keys')
    return `Unknown field(s): ${listed(issue.keys)}.`;
  return `${subjectOf(issue.path)} ${predicate(issue)}.`;
}

// zod mini loads no locale: without one, every issue whose schema gives no message of
// its own reads "Invalid input". Clients read these messages in problem documents and
// operators in failed workflow tasks, so validate.ts and task.ts import this module,
// which sets the product's wording once per process.
z.config({ localeError: issueMessage });
