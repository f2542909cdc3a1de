import {
  HEADERS,
  PARAMETERS,
  problemResponseComponents,
  SECURITY_SCHEMES,
} from './components.ts';
import {
  OPERATION_EXAMPLES,
  type OperationExamples,
  PLANNED_EXAMPLES,
} from './examples.ts';
import { SchemaConverter } from './json-schema.ts';
import { operationOf } from './operation.ts';
import { GatewayMessageSchema, ProblemSchema } from './problems.ts';
import { type DocumentedRoute, requireDocumented } from './route-doc.ts';

export interface DocumentOptions {
  /** `info.version`, the package's version. */
  readonly version: string;
}

const TAGS = [
  ['Estates', 'Top-level groupings of environments and services; one Service Line each.'],
  ['Environments', 'Named deployment contexts within an estate.'],
  ['Services', 'Workloads running within an environment.'],
  ['Deployments', 'Rollouts of a new image to a service.'],
  ['Events', "An estate's event trail."],
  ['API', 'This document.'],
] as const;

type Operation = ReturnType<typeof operationOf>;

function withExamples(operation: Operation, examples: OperationExamples | undefined) {
  if (!examples) return operation;
  const responses: Record<string, unknown> = { ...operation.responses };
  for (const [status, value] of Object.entries(examples.responses ?? {})) {
    const response = responses[status] as { content: { 'application/json': object } };
    const media = response.content['application/json'];
    responses[status] = {
      ...response,
      content: { 'application/json': { ...media, examples: { spec: value } } },
    };
  }
  const requestBody = operation.requestBody &&
    examples.request && {
      ...operation.requestBody,
      content: {
        'application/json': {
          ...operation.requestBody.content['application/json'],
          examples: { spec: examples.request },
        },
      },
    };
  return { ...operation, ...(requestBody ? { requestBody } : {}), responses };
}

/**
 * Builds the OpenAPI 3.1 document of the API from the route table and the specs its
 * handlers carry: the same zod schemas that validate requests describe them here.
 */
export function buildDocument(
  routes: readonly DocumentedRoute[],
  options: DocumentOptions,
) {
  const converter = new SchemaConverter();
  converter.convert(ProblemSchema, 'output');
  converter.convert(GatewayMessageSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of routes) {
    requireDocumented(entry);
    const operation = operationOf(entry, converter);
    const examples = OPERATION_EXAMPLES[entry.route.name];
    paths[entry.route.path] = {
      ...paths[entry.route.path],
      [entry.route.method.toLowerCase()]: withExamples(operation, examples),
    };
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Platforms & Infrastructure API',
      version: options.version,
      description:
        'Estates, environments, services and deployments across AWS, GCP and Azure. docs/api.md explains authentication, errors, pagination, idempotency, concurrency and rate limits.',
    },
    servers: [
      { url: 'http://127.0.0.1:3000', description: 'The local runtime (`npm start`)' },
    ],
    tags: TAGS.map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: converter.components,
      responses: problemResponseComponents(),
      parameters: PARAMETERS,
      headers: HEADERS,
      securitySchemes: SECURITY_SCHEMES,
      examples: PLANNED_EXAMPLES,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;
