import { describe, expect, it } from 'vitest';
import {
  etagHeader,
  etagOf,
  ifMatchHolds,
  parseIfMatch,
  requireIfMatch,
} from '../../../functions/platform/etag.ts';

describe('etagOf', () => {
  it('makes a strong tag of the version', () => {
    expect(etagOf(3)).toBe('"v3"');
  });
});

describe('etagHeader', () => {
  it('tags a record with a numeric version and leaves others alone', () => {
    expect(etagHeader({ version: 2 })).toEqual({ etag: '"v2"' });
    expect(etagHeader({})).toEqual({});
    expect(etagHeader({ version: '2' })).toEqual({});
  });
});

describe('parseIfMatch', () => {
  it('reads * as any current record', () => {
    expect(parseIfMatch(' * ')).toEqual({ any: true });
  });

  it('reads a list of strong and weak tags', () => {
    const parsed = parseIfMatch('"v1", W/"v2"');

    expect(parsed).toEqual({
      any: false,
      tags: [
        { weak: false, tag: '"v1"' },
        { weak: true, tag: '"v2"' },
      ],
    });
  });

  it('is undefined without a header', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['v1', '"v1', '', '"v1" "v2"', '*, "v1"'])(
    'refuses %j with a 400',
    (header) => {
      const parse = () => parseIfMatch(header);

      expect(parse).toThrow(
        expect.objectContaining({ status: 400, code: 'invalid_if_match' }),
      );
    },
  );
});

describe('ifMatchHolds', () => {
  it('holds for the current tag, for * and without a header', () => {
    expect(ifMatchHolds(parseIfMatch('"v4"'), 4)).toBe(true);
    expect(ifMatchHolds(parseIfMatch('*'), 4)).toBe(true);
    expect(ifMatchHolds(undefined, 4)).toBe(true);
  });

  it('fails for a stale tag and for a weak tag of the current version', () => {
    expect(ifMatchHolds(parseIfMatch('"v3"'), 4)).toBe(false);
    expect(ifMatchHolds(parseIfMatch('W/"v4"'), 4)).toBe(false);
  });
});

describe('requireIfMatch', () => {
  it('throws a 412 carrying the current ETag when stale', () => {
    const check = () => requireIfMatch({ 'if-match': '"v1"' }, 2);

    expect(check).toThrow(
      expect.objectContaining({ status: 412, headers: { etag: '"v2"' } }),
    );
  });
});
