import type { Route } from '../../functions/http/routes.ts';

export interface RouteMatch {
  readonly route: Route;
  readonly pathParameters: Record<string, string> | undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Finds the route for a method and path as API Gateway does: literal segments beat
 * `{param}` segments; a path or method with no route matches nothing.
 */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): RouteMatch | undefined {
  const segments = path.split('/');
  let best: { match: RouteMatch; literals: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = pattern.every((part, index) => {
      const actual = segments[index] ?? '';
      const param = /^\{(\w+)\}$/.exec(part);
      if (param?.[1]) {
        params[param[1]] = decode(actual);
        return actual !== '';
      }
      literals += 1;
      return part === actual;
    });
    if (!matches || (best && best.literals >= literals)) continue;
    const pathParameters = Object.keys(params).length > 0 ? params : undefined;
    best = { match: { route, pathParameters }, literals };
  }
  return best?.match;
}
