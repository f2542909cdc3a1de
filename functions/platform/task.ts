import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { logger } from './logger.ts';
import './zod-messages.ts';

/** A workflow task received input its state machine should never send. */
export class InvalidTaskInputError extends Error {
  constructor(issues: string) {
    super(`invalid task input: ${issues}`);
    this.name = 'InvalidTaskInputError';
  }
}

/**
 * Builds a Step Functions task handler: validates the state input, logs the step with
 * its subject's IDs, and lets errors through by name so Retry and Catch can match them.
 */
export function taskHandler<S extends z.core.$ZodType, R>(
  name: string,
  schema: S,
  step: (input: z.output<S>) => Promise<R>,
) {
  return middy<unknown, R, Error, Context>().handler(async (event) => {
    const parsed = z.safeParse(schema, event);
    if (!parsed.success)
      throw new InvalidTaskInputError(
        parsed.error.issues.map((issue) => issue.message).join('; '),
      );
    const started = performance.now();
    try {
      const result = await step(parsed.data);
      logger.info('task', {
        task: name,
        input: parsed.data,
        latency_ms: Math.round(performance.now() - started),
      });
      return result;
    } catch (error) {
      logger.warn('task failed', {
        task: name,
        input: parsed.data,
        error_name: error instanceof Error ? error.name : 'Error',
      });
      throw error;
    }
  });
}
