import * as z from 'zod/mini';

// Fields shared by the resource schemas, which only the OpenAPI document reads: no
// function loads this module, so its metadata and ISO formats ship in none.

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
