import { EnvironmentResource } from '../../domain/environments/environment-schema.ts';
import { VerdictResource } from '../../domain/policies/verdict-schema.ts';
import { dataOf, pageOf } from '../envelopes.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The success responses of the environment routes (functions/http/environments/). */
export const ENVIRONMENT_RESPONSES: ResponsesByRoute = {
  ListEnvironments: { 200: pageOf(EnvironmentResource) },
  CreateEnvironment: {
    200: dataOf(VerdictResource),
    201: { body: dataOf(EnvironmentResource), headers: ['location'] },
  },
  GetEnvironment: { 200: { body: dataOf(EnvironmentResource), headers: ['etag'] } },
  UpdateEnvironment: { 200: { body: dataOf(EnvironmentResource), headers: ['etag'] } },
  DeleteEnvironment: { 204: {} },
};
