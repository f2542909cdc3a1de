import * as z from 'zod/mini';

// Apart from common.ts, whose IDs and helpers nearly every function loads: building
// these schemas pulls in zod's pipes, defaults, trims and ISO formats.

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

/** `limit` and `cursor` as every list takes them. */
export const PageQuery = {
  limit: z
    ._default(
      z.pipe(
        z.pipe(
          z.string().check(z.regex(/^\d+$/, 'limit is a whole number from 1 to 100.')),
          z.transform(Number),
        ),
        z
          .number()
          .check(
            z.int(),
            z.gte(1, 'limit is at least 1.'),
            z.lte(100, 'limit is at most 100.'),
          ),
      ),
      20,
    )
    .check(z.meta({ description: 'Items per page, 1 to 100; 20 when absent.' })),
  cursor: z
    .optional(z.string().check(z.minLength(1), z.maxLength(2048)))
    .check(z.meta({ description: 'The `next_cursor` of the previous page.' })),
};

/** The month's cost fields of a resource, in its `currency`. */
export const MonthCost = {
  cost_mtd: z
    .number()
    .check(z.meta({ description: 'Month-to-date cost in `currency`.' })),
  cost_forecast: z.number().check(
    z.meta({
      description: 'Month-end forecast in `currency`: linear on the month so far.',
    }),
  ),
};

/** A time as the API writes it: ISO 8601 in UTC, e.g. `2026-04-15T10:30:00Z`. */
export const Timestamp = z.iso.datetime();
