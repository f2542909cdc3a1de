import * as z from 'zod/mini';

/** A JSON Schema (2020-12), as OpenAPI 3.1 takes it. */
export type JsonSchema = Record<string, unknown>;

const COMPONENT_REF = '#/components/schemas/';

/**
 * Converts zod schemas to JSON Schema for one document. Schemas carrying an `id` in
 * their metadata (e.g. `Estate`) become shared components referenced by `$ref`.
 */
export class SchemaConverter {
  /** The shared component schemas met so far, by id. */
  readonly components: Record<string, JsonSchema> = {};

  /**
   * Converts one schema. Requests are described as clients send them (`io: 'input'`:
   * defaults optional, the input side of pipes), responses as the API writes them.
   */
  convert(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
    });
    const { $schema: _dialect, $defs, ...rest } = withComponentRefs(converted);
    for (const [id, definition] of Object.entries(asSchemas($defs))) {
      const known = this.components[id];
      if (known && JSON.stringify(known) !== JSON.stringify(definition))
        throw new Error(`Two different schemas claim the id ${id}`);
      this.components[id] = definition;
    }
    return rest;
  }
}

function withComponentRefs(schema: unknown): JsonSchema {
  const text = JSON.stringify(schema).replaceAll('"#/$defs/', `"${COMPONENT_REF}`);
  return JSON.parse(text) as JsonSchema;
}

function asSchemas(defs: unknown): Record<string, JsonSchema> {
  return typeof defs === 'object' && defs !== null
    ? (defs as Record<string, JsonSchema>)
    : {};
}

/** The `$ref` to a shared component schema. */
export const schemaRef = (id: string) => ({ $ref: `${COMPONENT_REF}${id}` });
