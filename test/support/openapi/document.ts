import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A JSON value of the document, read loosely. */
export type Json = Record<string, unknown>;

/** docs/openapi.json as committed; a test keeps it in step with the route specs. */
export const OPENAPI: Json = JSON.parse(
  readFileSync(resolve(ROOT, 'docs/openapi.json'), 'utf8'),
) as Json;

const at = (value: unknown, key: string): Json | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const next = (value as Json)[key];
  return typeof next === 'object' && next !== null ? (next as Json) : undefined;
};

/** Follows a local `$ref` such as `#/components/responses/NotFound`. */
export function deref(value: Json | undefined): Json | undefined {
  const ref = value?.$ref;
  if (typeof ref !== 'string') return value;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json | undefined>((node, key) => at(node, key), OPENAPI);
}

/** The operation for a method and a path template, e.g. `GET`, `/v1/…/{id}`. */
export const operationAt = (method: string, path: string) =>
  at(at(at(OPENAPI, 'paths'), path), method.toLowerCase());

/** Every operation of the document with its method and path. */
export function operations(): { method: string; path: string; operation: Json }[] {
  return Object.entries(at(OPENAPI, 'paths') ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation: operation as Json,
    })),
  );
}

export { at };
