import { resolve } from 'node:path';
import type { Route } from '../http/routes.ts';
import type { DocumentedRoute, ResponsesByRoute, RouteDoc } from './route-doc.ts';
import { ROUTE_RESPONSES } from './route-responses.ts';

/**
 * Imports each route's handler module, reads the spec attached to its handler and adds
 * the route's success responses, which no handler carries.
 */
export async function loadDocumentedRoutes(
  routes: readonly Route[],
  root: string,
  responses: ResponsesByRoute = ROUTE_RESPONSES,
): Promise<DocumentedRoute[]> {
  return Promise.all(
    routes.map(async (route) => {
      const module = (await import(resolve(root, route.entry))) as {
        handler?: { spec?: RouteDoc };
      };
      const spec = module.handler?.spec;
      if (!spec) throw new Error(`${route.entry} exports no handler with a spec`);
      return { route, doc: { ...spec, responses: responses[route.name] } };
    }),
  );
}
