import { ApiError, BadRequestError, PreconditionFailedError } from './errors.ts';

/** The strong ETag of a record's version, e.g. `"v3"`. */
export const etagOf = (version: number) => `"v${version}"`;

/** The ETag header for a record with a numeric `version`; none for other records. */
export function etagHeader(record: {
  readonly version?: unknown;
}): Record<string, string> {
  return typeof record.version === 'number' ? { etag: etagOf(record.version) } : {};
}

/** What an If-Match header asks for: any current record, or one of these entity tags. */
export type IfMatch =
  | { readonly any: true }
  | { readonly any: false; readonly tags: readonly { weak: boolean; tag: string }[] };

const TAG_LIST =
  /^\s*(?:W\/)?"[\x21\x23-\x7e]*"\s*(?:,\s*(?:W\/)?"[\x21\x23-\x7e]*"\s*)*$/;

/** Parses If-Match (RFC 9110): undefined when absent, a 400 naming it when malformed. */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return { any: true };
  if (!TAG_LIST.test(header)) {
    const message = 'If-Match must be * or a list of quoted entity tags such as "v3".';
    throw new BadRequestError('invalid_if_match', message, [
      { field: 'header.if-match', message, code: 'invalid_if_match' },
    ]);
  }
  const tags = [...header.matchAll(/(W\/)?"([^"]*)"/g)].map((match) => ({
    weak: match[1] !== undefined,
    tag: `"${match[2] ?? ''}"`,
  }));
  return { any: false, tags };
}

/** Whether If-Match holds for a record at `version`; weak tags never match (strong comparison). */
export function ifMatchHolds(ifMatch: IfMatch | undefined, version: number): boolean {
  if (ifMatch === undefined || ifMatch.any) return true;
  return ifMatch.tags.some((entry) => !entry.weak && entry.tag === etagOf(version));
}

/** The 412 for a stale If-Match, carrying the record's current ETag. */
export function preconditionFailed(version: number): PreconditionFailedError {
  return new PreconditionFailedError(
    'The resource changed since you read it; read it again and retry with its current ETag.',
    { etag: etagOf(version) },
    { current_etag: etagOf(version) },
  );
}

/**
 * Checks a request's If-Match header against a record's version: a malformed header
 * is a 400, a stale one a 412 with the current ETag. Returns the parsed header, so
 * the caller can tell whether the client asked for the check at all.
 */
export function requireIfMatch(
  headers: Readonly<Record<string, string | undefined>>,
  version: number,
): IfMatch | undefined {
  const ifMatch = parseIfMatch(headers['if-match']);
  if (!ifMatchHolds(ifMatch, version)) throw preconditionFailed(version);
  return ifMatch;
}

/**
 * The version a write must still find for If-Match to hold when it lands: the version
 * read when the header named tags (which it matched), none for `*` or no header.
 */
export function versionToHold(
  ifMatch: IfMatch | undefined,
  version: number,
): number | undefined {
  return ifMatch && !ifMatch.any ? version : undefined;
}

/**
 * What a write that met a change between the If-Match check and its own condition
 * answers: when the caller's tag was checked (`checked`) and `error` is the record's
 * "changed meanwhile" conflict (`changedCode`), the 412 with the current ETag, since
 * the tag no longer holds; otherwise, or when the record is gone, `error` itself.
 */
export async function staleOr(
  error: unknown,
  options: {
    readonly checked: boolean;
    readonly changedCode: string;
    readonly current: () => Promise<{ readonly version: number } | undefined>;
  },
): Promise<unknown> {
  if (
    !options.checked ||
    !(error instanceof ApiError) ||
    error.code !== options.changedCode
  )
    return error;
  const current = await options.current();
  return current ? preconditionFailed(current.version) : error;
}
