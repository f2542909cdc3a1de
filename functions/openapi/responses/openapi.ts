import * as z from 'zod/mini';
import type { ResponsesByRoute } from '../route-doc.ts';

/** The success response of the route that serves this document. */
export const OPENAPI_RESPONSES: ResponsesByRoute = {
  GetOpenApiDocument: {
    200: z.record(z.string(), z.unknown()).check(z.meta({ description: 'OpenAPI 3.1' })),
  },
};
