import * as z from 'zod';
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
    score: z.number().int().nullable(),
    components: z.array(Component),
    environments: z.array(
      z.object({
        environment_id: z.string(),
        name: z.string(),
        score: z.number().int(),
        components: z.array(Component),
      }),
    ),
    evaluated_at: z.string().nullable(),
  }),
});

/** A recorded health signal, for the API reference. */
export const HealthSignalResponse = z.object({
  data: z.object({
    service_id: z.string(),
    applied: z.boolean(),
    health: z.object({
      score: z.number().int(),
      status: z.enum(['healthy', 'degraded', 'unhealthy']),
      availability: z.number().optional(),
      error_rate: z.number().optional(),
      latency_p99_ms: z.number().nullable().optional(),
      source: z.string().optional(),
      observed_at: z.string().optional(),
    }),
  }),
});
