import * as z from 'zod/mini';
import { platformId } from '../common.ts';
import { BreakGlass } from '../policies/break-glass.ts';

// Apart from deployment.ts, which the deployment workflow's tasks load for DeploymentId
// and blendedScore: only the create route needs the body schema.

/** An OCI image reference with a tag or digest, e.g. `ghcr.io/apex-digital/payments-api:v2.4.1`. */
export const ImageReference = z
  .string()
  .check(
    z.maxLength(512),
    z.regex(
      /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/,
      'Use an image reference with a tag or digest, such as ghcr.io/org/app:v1.2.3.',
    ),
  );

/** The body of POST /v1/infrastructure/deployments. */
export const CreateDeploymentBody = z.strictObject({
  environment_id: platformId('INFENV'),
  service_id: platformId('INFSVC'),
  image: ImageReference,
  strategy: z._default(z.enum(['rolling']), 'rolling'),
  triggered_by: z.optional(platformId('USR')),
  rolling: z._default(
    z.strictObject({
      batch_size: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
      max_unavailable: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100))),
      min_health_score: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
    }),
    {},
  ),
  /** An admin's reason to deploy outside a deployment window or during a freeze. */
  break_glass: z.optional(BreakGlass),
});
