import type * as z from 'zod/mini';
import type { JsonSchema, SchemaConverter } from './json-schema.ts';

/** One path or query parameter per property of a request schema. */
export function parametersOf(
  schema: z.core.$ZodType | undefined,
  place: 'path' | 'query',
  converter: SchemaConverter,
) {
  if (!schema) return [];
  const converted = converter.convert(schema, 'input');
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: place,
      required: place === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}
