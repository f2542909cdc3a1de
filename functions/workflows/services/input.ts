import * as z from 'zod/mini';
import { ServiceId } from '../../domain/services/service.ts';

/** What every service provisioning task receives: the service's ID. */
export const ServiceTaskInput = z.object({ service_id: ServiceId });
