import { HealthSignalResponse } from '../../domain/health/health-schema.ts';
import { VerdictResource } from '../../domain/policies/verdict-schema.ts';
import { ServiceResource } from '../../domain/services/service-schema.ts';
import { dataOf, pageOf } from '../envelopes.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The success responses of the service routes (functions/http/services/). */
export const SERVICE_RESPONSES: ResponsesByRoute = {
  ListServices: { 200: pageOf(ServiceResource) },
  CreateService: {
    200: dataOf(VerdictResource),
    202: { body: dataOf(ServiceResource), headers: ['location'] },
  },
  GetService: { 200: { body: dataOf(ServiceResource), headers: ['etag'] } },
  UpdateService: { 200: { body: dataOf(ServiceResource), headers: ['etag'] } },
  DeleteService: { 204: {} },
  RecordServiceHealth: { 200: HealthSignalResponse },
};
