import { provisionService } from '../../domain/services/provision-service.ts';
import { taskHandler } from '../../platform/task.ts';
import { ServiceTaskInput } from './input.ts';

/** Task: create the service's workload and make the service running. */
export const handler = taskHandler(
  'create-workload',
  ServiceTaskInput,
  ({ service_id }) => provisionService(service_id),
);
