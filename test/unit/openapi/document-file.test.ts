import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/http/routes.ts';
import {
  DOCUMENT_PATH,
  generateDocumentText,
} from '../../../functions/openapi/generate.ts';
import { SPEC_EXAMPLES } from '../../../functions/openapi/spec-examples.ts';
import {
  at,
  deref,
  type Json,
  OPENAPI,
  operations,
} from '../../support/openapi/document.ts';
import { schemaProblems } from '../../support/openapi/validator.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every example of the document with the schema it illustrates. */
function examples() {
  return operations().flatMap(({ operation }) => {
    const bodies = [
      at(at(at(operation, 'requestBody'), 'content'), 'application/json'),
      ...Object.values(at(operation, 'responses') ?? {}).map((response) =>
        at(at(deref(response as Json), 'content'), 'application/json'),
      ),
    ];
    return bodies.flatMap((media) =>
      Object.entries(at(media, 'examples') ?? {}).map(([name, example]) => ({
        name: `${operation.operationId} ${name}`,
        schema: at(media, 'schema') ?? {},
        value: (example as Json).value,
      })),
    );
  });
}

describe('docs/openapi.json', () => {
  it('is what npm run openapi writes from the route specs', async () => {
    const committed = readFileSync(resolve(ROOT, DOCUMENT_PATH), 'utf8');

    const generated = await generateDocumentText(ROUTES, ROOT);

    expect(committed, 'docs/openapi.json is stale: run npm run openapi').toBe(generated);
  });

  it.each(examples())('has a valid example: $name', ({ schema, value }) => {
    expect(schemaProblems(schema, value)).toEqual([]);
  });

  it.each([
    ['ListEstates', 200, SPEC_EXAMPLES.estateList],
    ['ListEnvironments', 200, SPEC_EXAMPLES.environmentList],
    ['ListServices', 200, SPEC_EXAMPLES.serviceList],
    ['CreateDeployment', 202, SPEC_EXAMPLES.deploymentCreated],
  ])('shows the reference draft’s %s %i example', (name, status, example) => {
    const operation = operations().find((entry) => entry.operation.operationId === name);
    const media = at(
      at(at(at(operation?.operation, 'responses'), String(status)), 'content'),
      'application/json',
    );

    expect(at(at(media, 'examples'), 'spec')?.value).toMatchObject(example);
  });

  it.each([
    ['CreateEstate', SPEC_EXAMPLES.createEstate],
    ['CreateDeployment', SPEC_EXAMPLES.createDeployment],
  ])('shows the reference draft’s %s request body', (name, example) => {
    const operation = operations().find((entry) => entry.operation.operationId === name);
    const media = at(
      at(at(operation?.operation, 'requestBody'), 'content'),
      'application/json',
    );

    expect(at(at(media, 'examples'), 'spec')?.value).toEqual(example);
  });

  it('keeps the draft’s costs example until the costs route exists', () => {
    const example = at(at(at(OPENAPI, 'components'), 'examples'), 'CostsByEnvironment');

    expect(example?.value).toEqual(SPEC_EXAMPLES.costs);
  });
});
