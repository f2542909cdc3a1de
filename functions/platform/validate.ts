import * as z from 'zod/mini';
import { type FieldError, ValidationError } from './errors.ts';
import './zod-messages.ts';

/** Validates input against a schema; every issue becomes a field error naming its path. */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  root: string,
): z.output<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => toFieldError(issue, root)),
  );
}

function toFieldError(issue: z.core.$ZodIssue, root: string): FieldError {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const field = [root, ...path, issue.keys[0] ?? ''].filter(Boolean).join('.');
    return { field, message: issue.message, code: 'unknown_field' };
  }
  const field = [root, ...path].filter(Boolean).join('.') || root;
  // A custom issue may name its own code (params.code), e.g. `immutable_field`.
  const own = issue.code === 'custom' ? issue.params?.code : undefined;
  return {
    field,
    message: issue.message,
    code: typeof own === 'string' ? own : issue.code,
  };
}
