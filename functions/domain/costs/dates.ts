import * as z from 'zod/mini';

/** The longest range a cost report covers, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** Whether a YYYY-MM-DD string names a day that exists (2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** A strict calendar date, YYYY-MM-DD, UTC. */
export const CalendarDate = z
  .string()
  .check(z.refine(isCalendarDate, 'Use a calendar date that exists, as YYYY-MM-DD.'));

/** Days from one date to another, both included. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) +
  1;

/** The UTC month of an instant, YYYY-MM. */
export const monthOf = (now: Date) => now.toISOString().slice(0, 7);
