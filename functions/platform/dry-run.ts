/**
 * Whether a parsed query asks for a dry run (`?validate_only=true`). Routes that take
 * the parameter keep it as the string it arrives as; any other route refuses it as an
 * unknown query parameter, so a dry run is never taken for a write.
 */
export const isValidateOnly = (query: unknown): boolean =>
  (query as { validate_only?: unknown } | undefined)?.validate_only === 'true';
