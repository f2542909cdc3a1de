/**
 * Whether a parsed query asks for a dry run (`?validate_only=true`). Routes that take
 * the parameter keep it as the string it arrives as; on any other route the parsed
 * query has no such key, and the request is an ordinary write.
 */
export const isValidateOnly = (query: unknown): boolean =>
  (query as { validate_only?: unknown } | undefined)?.validate_only === 'true';
