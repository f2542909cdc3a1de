import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../functions/platform/cursor.ts';
import { ApiError } from '../../../functions/platform/errors.ts';

describe('cursor', () => {
  const key = { pk: 'ESTATE#ESTATE-26-000001', sk: 'ESTATE' };

  it('round-trips a key within the same list', () => {
    expect(decodeCursor('list-a', encodeCursor('list-a', key))).toEqual(key);
  });

  it.each([
    ['from another list', () => encodeCursor('list-b', key)],
    [
      'with a flipped character',
      () => {
        const cursor = encodeCursor('list-a', key);
        return `${cursor.slice(0, -1)}${cursor.endsWith('A') ? 'B' : 'A'}`;
      },
    ],
    ['without a signature', () => encodeCursor('list-a', key).split('.')[0] ?? ''],
    ['made of garbage', () => 'abc.def.ghi'],
  ])('refuses a cursor %s with invalid_cursor', (_case, make) => {
    const cursor = make();

    const attempt = () => decodeCursor('list-a', cursor);

    expect(attempt).toThrow(ApiError);
    expect(attempt).toThrow(/cursor/);
  });
});
