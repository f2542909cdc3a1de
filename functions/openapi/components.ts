import { IDEMPOTENCY_HEADER } from '../platform/idempotency-key.ts';
import { schemaRef } from './json-schema.ts';
import { PROBLEM_RESPONSES } from './problems.ts';

const header = (description: string, schema: object, required = false) => ({
  description,
  required,
  schema,
});

/** Response headers, shared by every operation. */
export const HEADERS = {
  'x-request-id': header(
    "The request id; problem documents repeat it as `request_id`. API Gateway's own refusals carry `apigw-requestid` instead.",
    { type: 'string' },
  ),
  Location: header('Where the new object can be read.', { type: 'string' }, true),
  ETag: header(
    'Strong entity tag of the version returned, e.g. `"v3"`.',
    { type: 'string' },
    true,
  ),
  'Retry-After': header('Seconds to wait before retrying.', {
    type: 'string',
    pattern: '^\\d+$',
  }),
  'Idempotent-Replayed': header(
    '`true` when the response is the replay of an earlier request with the same `Idempotency-Key`.',
    { type: 'string', enum: ['true'] },
  ),
  'WWW-Authenticate': header('`Bearer`.', { type: 'string' }),
} as const;

export type HeaderName = keyof typeof HEADERS;

/** The `headers` object of a response naming shared headers. */
export const headerRefs = (names: readonly HeaderName[]) =>
  Object.fromEntries(
    ['x-request-id', ...names].map((name) => [
      name,
      { $ref: `#/components/headers/${name}` },
    ]),
  );

/** Request header parameters. */
export const PARAMETERS = {
  IdempotencyKey: {
    name: IDEMPOTENCY_HEADER,
    in: 'header',
    required: false,
    description:
      'Makes the request safe to retry: the same key and request within 24 hours gets the first response again.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  },
  IfMatch: {
    name: 'if-match',
    in: 'header',
    required: false,
    description:
      'Change or delete only if the object still has one of these ETags (or `*`).',
    schema: { type: 'string' },
  },
} as const;

/** The shared problem responses, by component name. */
export function problemResponseComponents() {
  const problem = { schema: schemaRef('Problem') };
  const gateway = { schema: schemaRef('GatewayMessage') };
  return Object.fromEntries(
    Object.values(PROBLEM_RESPONSES).map((response) => [
      response.name,
      {
        description: response.description,
        headers: headerRefs(response.headers ?? []),
        content: {
          'application/problem+json': problem,
          ...(response.gateway ? { 'application/json': gateway } : {}),
        },
      },
    ]),
  );
}

/** Bearer JWTs from the workspace's identity provider. */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A JWT with a `workspace_id` claim and scopes (`read`, `write`, `deploy`, `admin`) in `scope`. Each operation lists the scope it needs; `admin` holds them all.',
  },
} as const;
