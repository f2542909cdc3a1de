import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ROUTES, type Route } from '../../../functions/http/routes.ts';
import { buildDocument } from '../../../functions/openapi/document.ts';
import { loadDocumentedRoutes } from '../../../functions/openapi/load-routes.ts';
import { successStatuses } from '../../../functions/openapi/route-doc.ts';
import { ROUTE_RESPONSES } from '../../../functions/openapi/route-responses.ts';
import { operations } from '../../support/openapi/document.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const documented = await loadDocumentedRoutes(ROUTES, ROOT);

const route: Route = {
  name: 'ListCosts',
  method: 'GET',
  path: '/v1/infrastructure/costs',
  entry: 'functions/http/costs/list-costs.ts',
  scope: 'read',
  authorized: true,
  grants: [],
};

describe('route documentation', () => {
  it.each(documented)('gives $route.name a summary and a success response', (entry) => {
    expect(entry.doc.summary?.trim()).toBeTruthy();
    expect(successStatuses(entry.doc).length).toBeGreaterThan(0);
  });

  it('documents every route of the route table and nothing else', () => {
    const inDocument = operations().map(({ operation, method, path }) => ({
      name: operation.operationId,
      key: `${method} ${path}`,
    }));

    expect(inDocument).toEqual(
      expect.arrayContaining(
        ROUTES.map((entry) => ({
          name: entry.name,
          key: `${entry.method} ${entry.path}`,
        })),
      ),
    );
    expect(inDocument).toHaveLength(ROUTES.length);
  });

  it('documents responses only for routes of the route table', () => {
    const names = ROUTES.map((entry) => entry.name);

    expect(names).toEqual(expect.arrayContaining(Object.keys(ROUTE_RESPONSES)));
  });

  it('leaves a route the response table does not name undocumented', async () => {
    const listEstates = ROUTES.filter((entry) => entry.name === 'ListEstates');

    const loaded = await loadDocumentedRoutes(listEstates, ROOT, {});

    expect(loaded).toHaveLength(1);
    expect(() => buildDocument(loaded, { version: '0' })).toThrow(
      'ListEstates documents no success response',
    );
  });

  it('refuses to build a document with a route that documents no response', () => {
    const undocumented = { route, doc: { summary: 'Estate costs' } };

    expect(() => buildDocument([undocumented], { version: '0' })).toThrow(
      'ListCosts documents no success response',
    );
  });

  it('refuses to build a document with a route without a summary', () => {
    const unnamed = { route, doc: { responses: { 200: z.object({}) } } };

    expect(() => buildDocument([unnamed], { version: '0' })).toThrow(
      'ListCosts has no summary',
    );
  });
});
