import * as z from 'zod';
import type { WorkloadType } from '../../drivers/driver.ts';
import { checkImageReference, IMAGE_MESSAGES } from './image.ts';

/** An OCI image reference pinned by tag or digest. */
export const ImageReference = z.string().superRefine((reference, ctx) => {
  const problem = checkImageReference(reference);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: IMAGE_MESSAGES[problem],
      params: { problem },
    });
});

const whole = (min: number, max: number, what: string) =>
  z
    .number()
    .int(`${what} is a whole number.`)
    .min(min, `${what} is at least ${min}.`)
    .max(max, `${what} is at most ${max}.`);

export const ContainerServiceConfig = z.strictObject({
  image: ImageReference,
  replicas: whole(1, 100, 'replicas').default(2),
  cpu: z
    .number()
    .min(0.25, 'cpu is at least 0.25 vCPU.')
    .max(16, 'cpu is at most 16 vCPU.')
    .multipleOf(0.25, 'cpu comes in steps of 0.25 vCPU.')
    .default(0.5),
  memory_mb: whole(128, 65_536, 'memory_mb').default(1024),
  port: whole(1, 65_535, 'port').optional(),
});

export const ServerlessFunctionConfig = z
  .strictObject({
    runtime: z
      .string()
      .regex(
        /^(nodejs|python|java|dotnet|go|ruby)\d+(\.\d+)?(\.x)?$/,
        'Use a runtime such as nodejs22, python3.12 or java21.',
      )
      .optional(),
    memory_mb: whole(128, 10_240, 'memory_mb').default(512),
    timeout_seconds: whole(1, 900, 'timeout_seconds').default(30),
    image: ImageReference.optional(),
    package: z
      .string()
      .regex(
        /^(s3|gs|https):\/\/\S{1,1000}$/,
        'Use the URI of a code package, such as s3://builds/payments-webhook.zip.',
      )
      .optional(),
  })
  .superRefine((config, ctx) => {
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
  });

export const INSTANCE_SIZES = ['small', 'medium', 'large', 'xlarge'] as const;

export const ManagedDatabaseConfig = z.strictObject({
  engine: z.enum(['postgres', 'mysql']),
  version: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, 'Use a version such as 16 or 8.0.'),
  instance_size: z.enum(INSTANCE_SIZES),
  storage_gb: whole(10, 16_384, 'storage_gb'),
  instances: whole(1, 5, 'instances').default(1),
});

export const MessageQueueConfig = z.strictObject({
  fifo: z.boolean().default(false),
  retention_hours: whole(1, 336, 'retention_hours').default(96),
});

/** The config schema of each service type. */
export const CONFIG_SCHEMAS = {
  container_service: ContainerServiceConfig,
  serverless_function: ServerlessFunctionConfig,
  managed_database: ManagedDatabaseConfig,
  message_queue: MessageQueueConfig,
} as const satisfies Record<WorkloadType, z.ZodType>;

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
