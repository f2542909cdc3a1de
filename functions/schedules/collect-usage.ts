import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { collectUsage } from '../domain/costs/collect-usage.ts';
import { driverFor } from '../drivers/registry.ts';
import { logger } from '../platform/logger.ts';
import { listEstateServices, listRunningEstates } from '../store/estate-directory.ts';

/** What the schedule sends: the time it fired (EventBridge Scheduler fills it in). */
const ScheduledInput = z.object({ time: z.optional(z.iso.datetime({ offset: true })) });

/**
 * The hourly usage collector, invoked by the EventBridge Scheduler schedule on AWS
 * and by the local runtime's timer: collects the last whole hour before the time the
 * schedule fired.
 */
export const handler = middy<unknown, unknown, Error, Context>().handler(
  async (event) => {
    const input = ScheduledInput.parse(event ?? {});
    const now = input.time ? new Date(input.time) : new Date();
    const summary = await collectUsage(now, {
      driverFor,
      listRunningEstates,
      listEstateServices,
    });
    logger.info('usage collected', { ...summary });
    return summary;
  },
);
