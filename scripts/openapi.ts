import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROUTES } from '../functions/http/routes.ts';
import { DOCUMENT_PATH, generateDocumentText } from '../functions/openapi/generate.ts';

// Writes docs/openapi.json from the route table and the specs of its handlers.
const root = resolve(import.meta.dirname, '..');
writeFileSync(join(root, DOCUMENT_PATH), await generateDocumentText(ROUTES, root));
console.log(`wrote ${DOCUMENT_PATH}`);
