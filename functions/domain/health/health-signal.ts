import * as z from 'zod/mini';

const Share = (what: string) =>
  z
    .number()
    .check(
      z.gte(0, `${what} is a share from 0 to 1.`),
      z.lte(1, `${what} is a share from 0 to 1.`),
    );

/** The body of POST /v1/infrastructure/services/{id}/health: one observation of a service. */
export const HealthSignalBody = z.strictObject({
  /** Who observed it, e.g. `datadog` or `synthetics-eu`. */
  source: z
    .string()
    .check(
      z.regex(
        /^[a-z0-9][a-z0-9._-]{0,63}$/,
        'Use 1–64 lower-case letters, digits, dots, hyphens or underscores.',
      ),
    ),
  availability: Share('availability'),
  error_rate: Share('error_rate'),
  latency_p99_ms: z.optional(z.number().check(z.gte(0), z.lte(3_600_000))),
  observed_at: z.iso
    .datetime({
      offset: false,
      message: 'Use an ISO 8601 UTC time such as 2026-04-01T00:00:00Z.',
    })
    // A reading from the future would outrank every real one that follows it.
    .check(
      z.refine((time) => Date.parse(time) <= Date.now() + MAX_CLOCK_SKEW_MS, {
        message:
          'observed_at is more than 5 minutes in the future; send the time it was observed.',
      }),
    ),
});

/** How far ahead of our clock a reading's time may be (clock skew). */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type HealthSignal = z.output<typeof HealthSignalBody>;
