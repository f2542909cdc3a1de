import * as z from 'zod/mini';

/** `limit` and `cursor` as every list takes them. */
export const PageQuery = {
  limit: z
    ._default(
      z.pipe(
        z.pipe(
          z.string().check(z.regex(/^\d+$/, 'limit is a whole number from 1 to 100.')),
          z.transform(Number),
        ),
        z
          .number()
          .check(
            z.int(),
            z.gte(1, 'limit is at least 1.'),
            z.lte(100, 'limit is at most 100.'),
          ),
      ),
      20,
    )
    .check(z.meta({ description: 'Items per page, 1 to 100; 20 when absent.' })),
  cursor: z
    .optional(z.string().check(z.minLength(1), z.maxLength(2048)))
    .check(z.meta({ description: 'The `next_cursor` of the previous page.' })),
};
