import * as z from 'zod/mini';
import { COMPONENT_NAMES } from './health-formula.ts';

const Component = z.object({
  name: z.enum(COMPONENT_NAMES),
  value: z.number(),
  weight: z.number(),
  contribution: z.number(),
});

/** An estate's health with its breakdown, for the API reference. */
export const EstateHealthResponse = z.object({
  data: z.object({
    estate_id: z.string(),
    status: z.string(),
    score: z.nullable(z.number().check(z.int())),
    components: z.array(Component),
    environments: z.array(
      z.object({
        environment_id: z.string(),
        name: z.string(),
        score: z.nullable(z.number().check(z.int())),
        components: z.array(Component),
      }),
    ),
    evaluated_at: z.nullable(z.string()),
  }),
});

/** A recorded health signal, for the API reference. */
export const HealthSignalResponse = z.object({
  data: z.object({
    service_id: z.string(),
    applied: z.boolean(),
    health: z.object({
      score: z.number().check(z.int()),
      status: z.enum(['healthy', 'degraded', 'unhealthy']),
      availability: z.optional(z.number()),
      error_rate: z.optional(z.number()),
      latency_p99_ms: z.optional(z.nullable(z.number())),
      source: z.optional(z.string()),
      observed_at: z.optional(z.string()),
    }),
  }),
});
