import { EstateResource } from '../../domain/estates/estate-schema.ts';
import { EstateHealthResponse } from '../../domain/health/health-schema.ts';
import { VerdictResource } from '../../domain/policies/verdict-schema.ts';
import { dataOf, pageOf } from '../envelopes.ts';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The success responses of the estate routes (functions/http/estates/). */
export const ESTATE_RESPONSES: ResponsesByRoute = {
  ListEstates: { 200: pageOf(EstateResource) },
  CreateEstate: {
    200: dataOf(VerdictResource),
    202: { body: dataOf(EstateResource), headers: ['location', 'etag'] },
  },
  GetEstate: { 200: { body: dataOf(EstateResource), headers: ['etag'] } },
  UpdateEstate: { 200: { body: dataOf(EstateResource), headers: ['etag'] } },
  DeleteEstate: { 202: dataOf(EstateResource) },
  GetEstateHealth: { 200: EstateHealthResponse },
};
