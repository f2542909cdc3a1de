import * as z from 'zod/mini';

/** A platform ID of the form PREFIX-YY-NNNNNN. */
export const platformId = (prefix: string) =>
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^${prefix}-\\d{2}-\\d{6,}$`),
        `Expected an ID like ${prefix}-26-000001.`,
      ),
    );

export const WorkspaceId = platformId('WS');

/** The currency every amount the API shows is in. */
export const CURRENCY = 'USD';

/** Money for display: a number with at most two decimals. */
export const toAmount = (minorUnits: number, unitsPerCent = 1) =>
  Math.round(minorUnits / unitsPerCent) / 100;

/** Stored micro-dollars as the API shows money: a number with at most two decimals. */
export const microsToAmount = (micros: number | undefined) =>
  Math.round((micros ?? 0) / 10_000) / 100;

export const nowIso = (now = new Date()) => now.toISOString().replace(/\.\d{3}Z$/, 'Z');
