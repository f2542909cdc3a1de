import * as z from 'zod/mini';
import { type HeaderName, headerRefs } from './components.ts';
import type { SchemaConverter } from './json-schema.ts';
import { parametersOf } from './parameters.ts';
import { PROBLEM_RESPONSES, problemStatuses } from './problems.ts';
import type { DocumentedRoute, ResponseDoc, RouteDoc } from './route-doc.ts';

const HEADER_NAMES = { location: 'Location', etag: 'ETag' } as const;

const SUCCESS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  200: 'OK.',
  201: 'Created.',
  202: 'Accepted: the work goes on asynchronously; poll the object or follow its events.',
  204: 'Done; no body.',
};

function responseDocOf(response: z.core.$ZodType | ResponseDoc): ResponseDoc {
  return response instanceof z.core.$ZodType ? { body: response } : response;
}

/**
 * Whether the route honours If-Match: a DELETE that can answer 412, or a PATCH whose
 * success carries an ETag.
 */
export function takesIfMatch(method: string, doc: RouteDoc): boolean {
  if (method === 'DELETE') return doc.problems?.includes(412) ?? false;
  if (method !== 'PATCH') return false;
  return Object.values(doc.responses ?? {}).some((response) =>
    responseDocOf(response).headers?.includes('etag'),
  );
}

function successResponses(doc: RouteDoc, converter: SchemaConverter) {
  const replayed: HeaderName[] = doc.idempotent ? ['Idempotent-Replayed'] : [];
  return Object.fromEntries(
    Object.entries(doc.responses ?? {}).map(([status, response]) => {
      const { body, headers = [] } = responseDocOf(response);
      const names = [...headers.map((name) => HEADER_NAMES[name]), ...replayed];
      return [
        status,
        {
          description: SUCCESS_DESCRIPTIONS[Number(status)] ?? 'Success.',
          headers: headerRefs(names),
          ...(body
            ? {
                content: {
                  'application/json': { schema: converter.convert(body, 'output') },
                },
              }
            : {}),
        },
      ];
    }),
  );
}

function problemResponses({ route, doc }: DocumentedRoute) {
  return Object.fromEntries(
    problemStatuses(route, doc).map((status) => {
      const name = PROBLEM_RESPONSES[status]?.name;
      if (!name) throw new Error(`${route.name}: no problem response for ${status}`);
      return [String(status), { $ref: `#/components/responses/${name}` }];
    }),
  );
}

const tagOf = (path: string) => {
  const segment = /^\/v1\/infrastructure\/([a-z]+)/.exec(path)?.[1];
  return segment ? segment[0]?.toUpperCase() + segment.slice(1) : 'API';
};

/** The OpenAPI operation object of one route. */
export function operationOf(entry: DocumentedRoute, converter: SchemaConverter) {
  const { route, doc } = entry;
  const headerParameters = [
    ...(doc.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ...(takesIfMatch(route.method, doc)
      ? [{ $ref: '#/components/parameters/IfMatch' }]
      : []),
  ];
  const parameters = [
    ...parametersOf(doc.params, 'path', converter),
    ...parametersOf(doc.query, 'query', converter),
    ...headerParameters,
  ];
  return {
    operationId: route.name,
    summary: doc.summary,
    tags: [tagOf(route.path)],
    security: route.authorized ? [{ bearer: [route.scope] }] : [],
    ...(route.authorized ? { 'x-required-scope': route.scope } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: converter.convert(doc.body, 'input') },
            },
          },
        }
      : {}),
    responses: { ...successResponses(doc, converter), ...problemResponses(entry) },
  };
}
