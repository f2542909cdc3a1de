import { describe, expect, it } from 'vitest';
import type { Route } from '../../../../functions/http/routes.ts';
import { matchRoute } from '../../../../infra/local/route-match.ts';

const route = (method: Route['method'], path: string): Route => ({
  name: `${method} ${path}`,
  method,
  path,
  entry: 'x.ts',
  scope: 'read',
  authorized: true,
  grants: [],
});

const routes = [
  route('GET', '/v1/things'),
  route('GET', '/v1/things/{id}'),
  route('GET', '/v1/things/special'),
  route('POST', '/v1/things/{id}/cancel'),
];

describe('matchRoute', () => {
  it('matches a literal path and decodes path parameters', () => {
    expect(matchRoute(routes, 'GET', '/v1/things')?.route.path).toBe('/v1/things');
    expect(matchRoute(routes, 'GET', '/v1/things/a%20b')?.pathParameters).toEqual({
      id: 'a b',
    });
  });

  it('prefers literal segments over parameters', () => {
    expect(matchRoute(routes, 'GET', '/v1/things/special')?.route.path).toBe(
      '/v1/things/special',
    );
  });

  it('matches nothing for another method, an empty parameter or a longer path', () => {
    expect(matchRoute(routes, 'DELETE', '/v1/things/1')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/v1/things/')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/v1/things/1/more')).toBeUndefined();
  });

  it('keeps a malformed escape as it is rather than failing', () => {
    expect(
      matchRoute(routes, 'POST', '/v1/things/%E0%A4%A/cancel')?.pathParameters,
    ).toEqual({ id: '%E0%A4%A' });
  });
});
