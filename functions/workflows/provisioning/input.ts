import * as z from 'zod/mini';
import { EstateId } from '../../domain/estates/estate.ts';

/** What every provisioning and deprovisioning task receives: IDs only. */
export const EstateTaskInput = z.object({ estate_id: EstateId });

/** The failure a Catch hands on, as Step Functions shapes it. */
export const CaughtError = z.object({ Error: z.string(), Cause: z.optional(z.string()) });
