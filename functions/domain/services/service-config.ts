import * as z from 'zod/mini';
import type { WorkloadType } from '../../drivers/driver.ts';
import { checkImageReference, IMAGE_MESSAGES } from './image.ts';

/** An OCI image reference pinned by tag or digest. */
export const ImageReference = z.string().check(
  z.superRefine((reference, ctx) => {
    const problem = checkImageReference(reference);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: IMAGE_MESSAGES[problem],
        params: { problem },
      });
  }),
);

const whole = (min: number, max: number, what: string) =>
  z
    .number()
    .check(
      z.int(`${what} is a whole number.`),
      z.gte(min, `${what} is at least ${min}.`),
      z.lte(max, `${what} is at most ${max}.`),
    );

export const ContainerServiceConfig = z.strictObject({
  image: ImageReference,
  replicas: z._default(whole(1, 100, 'replicas'), 2),
  cpu: z._default(
    z
      .number()
      .check(
        z.gte(0.25, 'cpu is at least 0.25 vCPU.'),
        z.lte(16, 'cpu is at most 16 vCPU.'),
        z.multipleOf(0.25, 'cpu comes in steps of 0.25 vCPU.'),
      ),
    0.5,
  ),
  memory_mb: z._default(whole(128, 65_536, 'memory_mb'), 1024),
  port: z.optional(whole(1, 65_535, 'port')),
});

export const ServerlessFunctionConfig = z
  .strictObject({
    runtime: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^(nodejs|python|java|dotnet|go|ruby)\d+(\.\d+)?(\.x)?$/,
            'Use a runtime such as nodejs22, python3.12 or java21.',
          ),
        ),
    ),
    memory_mb: z._default(whole(128, 10_240, 'memory_mb'), 512),
    timeout_seconds: z._default(whole(1, 900, 'timeout_seconds'), 30),
    image: z.optional(ImageReference),
    package: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^(s3|gs|https):\/\/\S{1,1000}$/,
            'Use the URI of a code package, such as s3://builds/payments-webhook.zip.',
          ),
        ),
    ),
  })
  .check(
    z.superRefine((config, ctx) => {
      if ((config.image === undefined) === (config.package === undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['image'],
          message: 'Give exactly one of image or package.',
        });
      if (config.package !== undefined && config.runtime === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['runtime'],
          message: 'A function deployed from a package needs a runtime.',
        });
    }),
  );

export const INSTANCE_SIZES = ['small', 'medium', 'large', 'xlarge'] as const;

export const ManagedDatabaseConfig = z.strictObject({
  engine: z.enum(['postgres', 'mysql']),
  version: z
    .string()
    .check(z.regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, 'Use a version such as 16 or 8.0.')),
  instance_size: z.enum(INSTANCE_SIZES),
  storage_gb: whole(10, 16_384, 'storage_gb'),
  instances: z._default(whole(1, 5, 'instances'), 1),
});

export const MessageQueueConfig = z.strictObject({
  fifo: z._default(z.boolean(), false),
  retention_hours: z._default(whole(1, 336, 'retention_hours'), 96),
});

/** The config schema of each service type. */
export const CONFIG_SCHEMAS = {
  container_service: ContainerServiceConfig,
  serverless_function: ServerlessFunctionConfig,
  managed_database: ManagedDatabaseConfig,
  message_queue: MessageQueueConfig,
} as const satisfies Record<WorkloadType, z.core.$ZodType>;

export type ServiceConfigOf<T extends WorkloadType> = z.output<
  (typeof CONFIG_SCHEMAS)[T]
>;
export type ServiceConfig = ServiceConfigOf<WorkloadType>;

/**
 * Config fields a PATCH cannot change: what runs (image, package) changes only
 * through a deployment, and a database engine or a queue's ordering only by
 * creating a new service.
 */
export const FIXED_CONFIG: Readonly<Record<WorkloadType, readonly string[]>> = {
  container_service: ['image'],
  serverless_function: ['image', 'package'],
  managed_database: ['engine'],
  message_queue: ['fifo'],
};
