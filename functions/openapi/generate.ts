import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from '../http/routes.ts';
import { buildDocument } from './document.ts';
import { loadDocumentedRoutes } from './load-routes.ts';

/** Where the committed document lives, relative to the repository root. */
export const DOCUMENT_PATH = 'docs/openapi.json';

/** The document as `npm run openapi` writes it: 2-space JSON with a final newline. */
export async function generateDocumentText(
  routes: readonly Route[],
  root: string,
): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const document = buildDocument(await loadDocumentedRoutes(routes, root), { version });
  return `${JSON.stringify(document, null, 2)}\n`;
}
