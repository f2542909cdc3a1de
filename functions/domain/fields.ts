import * as z from 'zod/mini';

// Apart from common.ts, whose IDs and helpers nearly every function loads: building
// these schemas pulls in zod's trims, metadata and ISO formats.

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
