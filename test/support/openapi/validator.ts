import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { at, deref, type Json, OPENAPI, operationAt, operations } from './document.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const SCHEMA_BASE = 'https://openapi.local/schemas/';

/** Component schema refs rewritten to ids Ajv knows, so each compiles on its own. */
const absolute = (value: unknown): Json =>
  JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/schemas/', `"${SCHEMA_BASE}`),
  ) as Json;

function compileAll() {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const [id, schema] of Object.entries(
    at(at(OPENAPI, 'components'), 'schemas') ?? {},
  ))
    ajv.addSchema(absolute(schema), `${SCHEMA_BASE}${id}`);
  const validators = new Map<string, ValidateFunction>();
  for (const { method, path, operation } of operations()) {
    for (const [status, response] of Object.entries(at(operation, 'responses') ?? {})) {
      const content = at(deref(response as Json), 'content') ?? {};
      for (const [mediaType, media] of Object.entries(content)) {
        const schema = at(media, 'schema');
        if (schema)
          validators.set(
            `${method} ${path} ${status} ${mediaType}`,
            ajv.compile(absolute(schema)),
          );
      }
    }
  }
  return { ajv, validators };
}

/** Every response schema of the document, compiled once per test file. */
const { ajv, validators } = compileAll();

/** A response as a test saw it. */
export interface ObservedResponse {
  readonly method: string;
  /** The path template of the route, e.g. `/v1/infrastructure/estates/{id}`. */
  readonly path: string;
  readonly status: number;
  readonly header: (name: string) => string | undefined | null;
  /** The body's text; empty when there is none. */
  readonly text: string;
}

function headerProblems(response: Json, observed: ObservedResponse): string[] {
  return Object.entries(at(response, 'headers') ?? {}).flatMap(([name, header]) =>
    deref(header as Json)?.required === true && !observed.header(name.toLowerCase())
      ? [`the documented header ${name} is missing`]
      : [],
  );
}

function bodyProblems(response: Json, observed: ObservedResponse): string[] {
  const key = `${observed.method} ${observed.path} ${observed.status}`;
  const content = at(response, 'content');
  if (!content) return observed.text ? ['a body where the document has none'] : [];
  const mediaType = (observed.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!(mediaType in content))
    return [`content-type ${mediaType || '(none)'} is not documented for ${key}`];
  const validate = validators.get(`${key} ${mediaType}`);
  if (!validate) return [];
  let body: unknown;
  try {
    body = JSON.parse(observed.text);
  } catch {
    return [`the body is not JSON: ${observed.text.slice(0, 200)}`];
  }
  if (validate(body)) return [];
  return [
    `the body does not match: ${ajv.errorsText(validate.errors, { separator: '; ' })}`,
  ];
}

/** What is wrong with a response compared with the document; empty when nothing. */
export function responseProblems(observed: ObservedResponse): string[] {
  const operation = operationAt(observed.method, observed.path);
  if (!operation)
    return [`${observed.method} ${observed.path} is not in the OpenAPI document`];
  const responses = at(operation, 'responses') ?? {};
  const response = deref(at(responses, String(observed.status)));
  if (!response) return [`status ${observed.status} is not documented`];
  return [...headerProblems(response, observed), ...bodyProblems(response, observed)];
}

/** Throws, failing the test that made the request, unless the response is documented. */
export function expectDocumentedResponse(observed: ObservedResponse): void {
  const problems = responseProblems(observed);
  if (problems.length === 0) return;
  throw new Error(
    `Response of ${observed.method} ${observed.path} (${observed.status}) breaks the OpenAPI document:\n- ${problems.join('\n- ')}\n${observed.text.slice(0, 500)}`,
  );
}

/** Validates a value against a media type's schema, e.g. to check an example. */
export function schemaProblems(schema: Json, value: unknown): string[] {
  const validate = ajv.compile(absolute(schema));
  return validate(value) ? [] : [ajv.errorsText(validate.errors)];
}
