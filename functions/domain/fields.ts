import * as z from 'zod/mini';

// Apart from common.ts, whose IDs and helpers nearly every function loads: building
// these schemas pulls in zod's trims. The fields of the documented resources are in
// resource-fields.ts, which no function loads.

/** A display name: trimmed, 1–120 characters, no control characters. */
export const DisplayName = z.string().check(
  z.trim(),
  z.minLength(1, 'A name is required.'),
  z.maxLength(120, 'A name has at most 120 characters.'),
  // Control and invisible format characters (bidi overrides, zero-width spaces) make
  // names that look like others; lone surrogates are not text at all.
  z.regex(
    /^[^\p{Cc}\p{Cf}\p{Cs}]*$/u,
    'A name cannot contain control, invisible formatting or malformed characters.',
  ),
);

/**
 * A DNS-label name, as environments and services take: 1–63 lower-case letters,
 * digits and inner hyphens, starting with a letter. It ends up in resource names.
 */
export const DnsLabel = z
  .string()
  .check(
    z.regex(
      /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
      'Use 1–63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen, such as payments-api.',
    ),
  );

/**
 * A field a PATCH body cannot carry because it is fixed at creation: sending it is a
 * field error coded `immutable_field`, with `message` saying what to do instead. In
 * the OpenAPI document it shows as a property no value satisfies (`not: {}`).
 */
export const fixedField = (message: string) =>
  z.optional(
    z.unknown().check(
      z.refine(() => false, { message, params: { code: 'immutable_field' } }),
      z.meta({ not: {} }),
    ),
  );

/** The check that a PATCH body names at least one field, coded `empty_update`. */
export const nonEmptyUpdate = (message: string) =>
  z.refine<object>((body) => Object.values(body).some((value) => value !== undefined), {
    message,
    params: { code: 'empty_update' },
  });
