import * as z from 'zod';

/** A platform ID of the form PREFIX-YY-NNNNNN. */
export const platformId = (prefix: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}-\\d{2}-\\d{6,}$`),
      `Expected an ID like ${prefix}-26-000001.`,
    );

export const WorkspaceId = platformId('WS');

/** A display name: trimmed, 1–120 characters, no control characters. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'A name is required.')
  .max(120, 'A name has at most 120 characters.')
  // Control and invisible format characters (bidi overrides, zero-width spaces) make
  // names that look like others; lone surrogates are not text at all.
  .regex(
    /^[^\p{Cc}\p{Cf}\p{Cs}]*$/u,
    'A name cannot contain control, invisible formatting or malformed characters.',
  );

/**
 * A DNS-label name, as environments and services take: 1–63 lower-case letters,
 * digits and inner hyphens, starting with a letter. It ends up in resource names.
 */
export const DnsLabel = z
  .string()
  .regex(
    /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'Use 1–63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen, such as payments-api.',
  );

/** `limit` and `cursor` as every list takes them. */
export const PageQuery = {
  limit: z
    .string()
    .regex(/^\d+$/, 'limit is a whole number from 1 to 100.')
    .transform(Number)
    .pipe(
      z.number().int().min(1, 'limit is at least 1.').max(100, 'limit is at most 100.'),
    )
    .default(20)
    .meta({ description: 'Items per page, 1 to 100; 20 when absent.' }),
  cursor: z
    .string()
    .min(1)
    .max(2048)
    .optional()
    .meta({ description: 'The `next_cursor` of the previous page.' }),
};

/** Money for display: a number with at most two decimals. */
export const toAmount = (minorUnits: number, unitsPerCent = 1) =>
  Math.round(minorUnits / unitsPerCent) / 100;

/** Stored micro-dollars as the API shows money: a number with at most two decimals. */
export const microsToAmount = (micros: number | undefined) =>
  Math.round((micros ?? 0) / 10_000) / 100;

export const nowIso = (now = new Date()) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A time as the API writes it: ISO 8601 in UTC, e.g. `2026-04-15T10:30:00Z`. */
export const Timestamp = z.iso.datetime();
