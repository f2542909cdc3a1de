import { resolve } from 'node:path';
import type { Route } from '../http/routes.ts';
import type { DocumentedRoute, RouteDoc } from './route-doc.ts';

/** Imports each route's handler module and reads the spec attached to its handler. */
export async function loadDocumentedRoutes(
  routes: readonly Route[],
  root: string,
): Promise<DocumentedRoute[]> {
  return Promise.all(
    routes.map(async (route) => {
      const module = (await import(resolve(root, route.entry))) as {
        handler?: { spec?: RouteDoc };
      };
      const doc = module.handler?.spec;
      if (!doc) throw new Error(`${route.entry} exports no handler with a spec`);
      return { route, doc };
    }),
  );
}
