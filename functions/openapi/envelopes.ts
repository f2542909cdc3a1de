import * as z from 'zod/mini';

/** The body of a response carrying one resource: `{ "data": resource }`. */
export const dataOf = <S extends z.core.$ZodType>(resource: S) =>
  z.object({ data: resource });

/** The body of one page of a list: `{ "data": [...], "next_cursor": "…" | null }`. */
export const pageOf = <S extends z.core.$ZodType>(resource: S) =>
  z.object({
    data: z.array(resource),
    next_cursor: z.nullable(z.string()).check(
      z.meta({
        description: 'Pass back as `cursor` for the next page; null on the last.',
      }),
    ),
  });
