import { describe, expect, it } from 'vitest';
import {
  InvalidEventPatternError,
  matchesPattern,
  validatePattern,
} from '../../../../infra/local/event-pattern.ts';

type Pattern = Readonly<Record<string, unknown>>;

/** One table row: the test name, the pattern, the event, and whether it matches. */
type Row = readonly [name: string, pattern: Pattern, event: unknown, expected: boolean];

const row = (name: string, pattern: Pattern, event: unknown, expected: boolean): Row => [
  name,
  pattern,
  event,
  expected,
];

/** An event as the platform publishes it on the bus. */
function envelope(detailType: string, detail: Readonly<Record<string, unknown>>) {
  return {
    version: '0',
    id: '6f5b8e1c-1d2b-4a6e-9a55-0c1d2e3f4a5b',
    'detail-type': detailType,
    source: 'platform.infrastructure',
    account: '123456789012',
    time: '2026-12-04T16:20:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:platform:eu-west-1:123456789012:estate/est_01'],
    detail: {
      event_id: 'evt_01',
      workspace_id: 'wsp_01',
      estate_id: 'est_01',
      service_line_id: null,
      ...detail,
    },
  };
}

const expectMatch = (
  _name: string,
  pattern: Pattern,
  event: unknown,
  expected: boolean,
) => {
  const matched = matchesPattern(pattern, event);

  expect(matched).toBe(expected);
};

describe('matchesPattern', () => {
  describe('exact values', () => {
    it.each([
      row('matches an equal string', { a: ['x'] }, { a: 'x' }, true),
      row('rejects a different string', { a: ['x'] }, { a: 'y' }, false),
      row('compares strings case-sensitively', { a: ['x'] }, { a: 'X' }, false),
      row('matches any value listed in the array', { a: ['x', 'y'] }, { a: 'y' }, true),
      row('matches an equal number', { n: [3] }, { n: 3 }, true),
      row('rejects a string holding the number', { n: [3] }, { n: '3' }, false),
      row('rejects a number for a string value', { n: ['3'] }, { n: 3 }, false),
      row('matches a boolean', { b: [true] }, { b: true }, true),
      row('rejects the other boolean', { b: [true] }, { b: false }, false),
      row('matches null against a null field', { v: [null] }, { v: null }, true),
      row('rejects null against a missing field', { v: [null] }, {}, false),
      row('matches an empty string', { v: [''] }, { v: '' }, true),
      row('keeps the empty string apart from null', { v: [''] }, { v: null }, false),
      row('rejects a missing field', { a: ['x'] }, { b: 'x' }, false),
      row(
        'rejects an object where a leaf is expected',
        { a: ['x'] },
        { a: { b: 'x' } },
        false,
      ),
    ])('%s', expectMatch);
  });

  describe('prefix, suffix and equals-ignore-case', () => {
    it.each([
      row('matches a prefix', { r: [{ prefix: 'eu-' }] }, { r: 'eu-west-1' }, true),
      row(
        'rejects a missing prefix',
        { r: [{ prefix: 'eu-' }] },
        { r: 'us-east-1' },
        false,
      ),
      row(
        'compares prefixes case-sensitively',
        { r: [{ prefix: 'eu-' }] },
        { r: 'EU-1' },
        false,
      ),
      row(
        'matches a prefix ignoring case',
        { r: [{ prefix: { 'equals-ignore-case': 'eu-' } }] },
        { r: 'EU-west-1' },
        true,
      ),
      row('rejects a number for a prefix', { n: [{ prefix: '1' }] }, { n: 12 }, false),
      row('matches a suffix', { f: [{ suffix: '.png' }] }, { f: 'logo.png' }, true),
      row(
        'rejects a missing suffix',
        { f: [{ suffix: '.png' }] },
        { f: 'logo.jpg' },
        false,
      ),
      row(
        'matches a suffix ignoring case',
        { f: [{ suffix: { 'equals-ignore-case': '.png' } }] },
        { f: 'LOGO.PNG' },
        true,
      ),
      row(
        'matches a value ignoring case',
        { s: [{ 'equals-ignore-case': 'active' }] },
        { s: 'ACTIVE' },
        true,
      ),
      row(
        'rejects another value ignoring case',
        { s: [{ 'equals-ignore-case': 'active' }] },
        { s: 'ACTIVATED' },
        false,
      ),
    ])('%s', expectMatch);
  });

  describe('anything-but', () => {
    it.each([
      row('matches another string', { s: [{ 'anything-but': 'a' }] }, { s: 'b' }, true),
      row(
        'rejects the excluded string',
        { s: [{ 'anything-but': 'a' }] },
        { s: 'a' },
        false,
      ),
      row(
        'rejects any string of an excluded list',
        { s: [{ 'anything-but': ['a', 'b'] }] },
        { s: 'b' },
        false,
      ),
      row(
        'matches a string outside an excluded list',
        { s: [{ 'anything-but': ['a', 'b'] }] },
        { s: 'c' },
        true,
      ),
      row('matches another number', { n: [{ 'anything-but': 5 }] }, { n: 6 }, true),
      row('rejects the excluded number', { n: [{ 'anything-but': 5 }] }, { n: 5 }, false),
      row(
        'matches a value without the prefix',
        { r: [{ 'anything-but': { prefix: 'us-' } }] },
        { r: 'eu-west-1' },
        true,
      ),
      row(
        'rejects a value with the prefix',
        { r: [{ 'anything-but': { prefix: 'us-' } }] },
        { r: 'us-east-1' },
        false,
      ),
      row(
        'rejects a value with the suffix',
        { f: [{ 'anything-but': { suffix: '.png' } }] },
        { f: 'a.png' },
        false,
      ),
      row(
        'rejects a value equal ignoring case',
        { s: [{ 'anything-but': { 'equals-ignore-case': ['active', 'paused'] } }] },
        { s: 'Paused' },
        false,
      ),
      row(
        'matches a value outside the ignore-case list',
        { s: [{ 'anything-but': { 'equals-ignore-case': 'active' } }] },
        { s: 'retired' },
        true,
      ),
      row(
        'rejects a value the wildcard covers',
        { p: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
        { p: 'src/lib/a.ts' },
        false,
      ),
      row(
        'matches a value the wildcard misses',
        { p: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
        { p: 'src/app/a.ts' },
        true,
      ),
      row('rejects a missing field', { s: [{ 'anything-but': 'a' }] }, {}, false),
      row('matches a null field', { s: [{ 'anything-but': 'a' }] }, { s: null }, true),
      row(
        'rejects an array holding only excluded values',
        { s: [{ 'anything-but': 'a' }] },
        { s: ['a', 'a'] },
        false,
      ),
      row(
        'matches an array holding another value',
        { s: [{ 'anything-but': 'a' }] },
        { s: ['a', 'b'] },
        true,
      ),
    ])('%s', expectMatch);
  });

  describe('numeric', () => {
    const range = { c: [{ numeric: ['>', 0, '<=', 5] }] };

    it.each([
      row('matches inside a range', range, { c: 3 }, true),
      row('matches an inclusive upper bound', range, { c: 5 }, true),
      row('rejects an exclusive lower bound', range, { c: 0 }, false),
      row('rejects above the range', range, { c: 5.5 }, false),
      row('rejects a numeric string', range, { c: '3' }, false),
      row('matches an equal number', { c: [{ numeric: ['=', 3] }] }, { c: 3 }, true),
      row(
        'rejects an unequal number',
        { c: [{ numeric: ['=', 3] }] },
        { c: 3.01 },
        false,
      ),
      row(
        'matches an inclusive lower bound',
        { c: [{ numeric: ['>=', -1] }] },
        { c: -1 },
        true,
      ),
      row('rejects a missing field', range, {}, false),
    ])('%s', expectMatch);
  });

  describe('exists', () => {
    it.each([
      row('matches a present field', { x: [{ exists: true }] }, { x: 'v' }, true),
      row(
        'matches a null field as present',
        { x: [{ exists: true }] },
        { x: null },
        true,
      ),
      row('rejects a missing field for true', { x: [{ exists: true }] }, {}, false),
      row('matches a missing field for false', { x: [{ exists: false }] }, {}, true),
      row(
        'rejects a present field for false',
        { x: [{ exists: false }] },
        { x: 0 },
        false,
      ),
      row(
        'rejects an object for true',
        { x: [{ exists: true }] },
        { x: { y: 1 } },
        false,
      ),
      row('rejects an empty array for true', { x: [{ exists: true }] }, { x: [] }, false),
      row(
        'matches false when the parent is missing',
        { detail: { x: [{ exists: false }] } },
        { source: 'a' },
        true,
      ),
    ])('%s', expectMatch);
  });

  describe('cidr', () => {
    const block = { ip: [{ cidr: '10.0.0.0/24' }] };

    it.each([
      row('matches an address inside the block', block, { ip: '10.0.0.42' }, true),
      row('rejects an address outside the block', block, { ip: '10.0.1.1' }, false),
      row('rejects a string that is no address', block, { ip: 'ten' }, false),
      row(
        'matches a bare address exactly',
        { ip: [{ cidr: '1.2.3.4' }] },
        { ip: '1.2.3.4' },
        true,
      ),
      row(
        'matches an IPv6 block',
        { ip: [{ cidr: '2001:db8::/32' }] },
        { ip: '2001:db8::1' },
        true,
      ),
      row('rejects IPv6 for an IPv4 block', block, { ip: '::ffff:10.0.0.1' }, false),
    ])('%s', expectMatch);
  });

  describe('wildcard', () => {
    it.each([
      row(
        'matches a run of characters',
        { k: [{ wildcard: 'a*z' }] },
        { k: 'abcz' },
        true,
      ),
      row('matches an empty run', { k: [{ wildcard: 'a*z' }] }, { k: 'az' }, true),
      row(
        'rejects a different ending',
        { k: [{ wildcard: 'a*z' }] },
        { k: 'abcy' },
        false,
      ),
      row(
        'matches an escaped star literally',
        { k: [{ wildcard: 'a\\*z' }] },
        { k: 'a*z' },
        true,
      ),
      row(
        'rejects other text for an escaped star',
        { k: [{ wildcard: 'a\\*z' }] },
        { k: 'abz' },
        false,
      ),
      row(
        'treats regular-expression characters literally',
        { k: [{ wildcard: 'a.c' }] },
        { k: 'abc' },
        false,
      ),
      row(
        'matches across several stars',
        { k: [{ wildcard: '*/lib/*.ts' }] },
        { k: 'x/lib/y.ts' },
        true,
      ),
    ])('%s', expectMatch);
  });

  describe('arrays and nesting', () => {
    it.each([
      row(
        'matches when any array element matches',
        { t: ['b'] },
        { t: ['a', 'b'] },
        true,
      ),
      row(
        'rejects when no array element matches',
        { t: ['c'] },
        { t: ['a', 'b'] },
        false,
      ),
      row('rejects an empty array', { t: ['a'] }, { t: [] }, false),
      row(
        'matches a numeric range over an array',
        { t: [{ numeric: ['>', 10] }] },
        { t: [1, 11] },
        true,
      ),
      row('matches a nested field', { d: { s: ['ok'] } }, { d: { s: 'ok' } }, true),
      row('rejects a nested mismatch', { d: { s: ['ok'] } }, { d: { s: 'ko' } }, false),
      row(
        'rejects a primitive where an object is expected',
        { d: { s: ['ok'] } },
        { d: 'ok' },
        false,
      ),
      row(
        'requires every named field to match',
        { a: ['x'], b: ['y'] },
        { a: 'x', b: 'z' },
        false,
      ),
      row(
        'matches fields from the same element of an object array',
        { items: { name: ['db'], size: ['large'] } },
        {
          items: [
            { name: 'web', size: 'small' },
            { name: 'db', size: 'large' },
          ],
        },
        true,
      ),
      row(
        'rejects fields satisfied only by different elements',
        { items: { name: ['db'], size: ['large'] } },
        {
          items: [
            { name: 'db', size: 'small' },
            { name: 'web', size: 'large' },
          ],
        },
        false,
      ),
    ])('%s', expectMatch);
  });

  describe('$or', () => {
    const either = { $or: [{ a: ['x'] }, { b: ['y'] }] };

    it.each([
      row('matches the first branch', either, { a: 'x' }, true),
      row('matches the second branch', either, { b: 'y' }, true),
      row('rejects when no branch matches', either, { a: 'y', b: 'x' }, false),
      row(
        'combines with sibling fields by AND',
        { source: ['s'], $or: [{ a: ['x'] }, { b: ['y'] }] },
        { source: 't', a: 'x' },
        false,
      ),
      row(
        'matches a nested $or',
        { d: { $or: [{ c: [{ numeric: ['>', 5] }] }, { s: ['hot'] }] } },
        { d: { c: 1, s: 'hot' } },
        true,
      ),
      row(
        'matches an $or inside an $or branch',
        { $or: [{ a: ['x'] }, { $or: [{ b: ['y'] }, { c: ['z'] }] }] },
        { c: 'z' },
        true,
      ),
    ])('%s', expectMatch);
  });

  describe('EventBridge envelopes', () => {
    const created = envelope('infrastructure.estate.created', { status: 'provisioning' });
    const active = envelope('infrastructure.estate.updated', { status: 'active' });
    const platformEstates = {
      source: ['platform.infrastructure'],
      'detail-type': [{ prefix: 'infrastructure.estate.' }],
    };
    const notActive = { detail: { status: [{ 'anything-but': ['active'] }] } };

    it.each([
      row('matches the source and detail-type prefix', platformEstates, created, true),
      row(
        'rejects another source',
        platformEstates,
        { ...created, source: 'platform.billing' },
        false,
      ),
      row(
        'rejects another detail-type',
        platformEstates,
        envelope('infrastructure.service.created', {}),
        false,
      ),
      row('matches a status other than active', notActive, created, true),
      row('rejects the active status', notActive, active, false),
      row(
        'matches a null service line with exists',
        {
          detail: {
            service_line_id: [{ exists: true }],
            estate_id: [{ prefix: 'est_' }],
          },
        },
        created,
        true,
      ),
      row(
        'matches a resource ARN among resources',
        { resources: [{ wildcard: 'arn:aws:platform:*:estate/est_01' }] },
        created,
        true,
      ),
      row(
        'matches a region or a status with $or',
        { $or: [{ region: ['us-east-1'] }, { detail: { status: ['provisioning'] } }] },
        created,
        true,
      ),
    ])('%s', expectMatch);
  });

  it('throws for an invalid pattern instead of reporting a mismatch', () => {
    const pattern = { source: 'platform.infrastructure' };

    const act = () => matchesPattern(pattern, { source: 'platform.infrastructure' });

    expect(act).toThrow(InvalidEventPatternError);
  });
});

describe('validatePattern', () => {
  it.each([
    [
      'a realistic rule',
      { source: ['a'], detail: { status: [{ 'anything-but': ['x'] }] } },
    ],
    [
      'every operator',
      {
        a: ['x', 1, true, null],
        b: [{ prefix: 'p' }, { suffix: { 'equals-ignore-case': 's' } }],
        c: [{ 'equals-ignore-case': 'e' }, { wildcard: 'w*' }, { cidr: '10.0.0.0/8' }],
        d: [
          { numeric: ['>=', 0, '<', 10] },
          { exists: false },
          { 'anything-but': [1, 2] },
        ],
        $or: [{ e: ['y'] }, { f: { g: ['z'] } }],
      },
    ],
  ])('accepts %s', (_name, pattern) => {
    const act = () => validatePattern(pattern);

    expect(act).not.toThrow();
  });

  it.each([
    ['a non-object pattern', ['source'], '(root)'],
    ['an empty pattern', {}, '(root)'],
    ['a leaf that is not an array', { source: 'a' }, 'source'],
    ['an empty leaf array', { source: [] }, 'source'],
    ['a nested array', { source: [['a']] }, 'source[0]'],
    ['an unknown operator', { detail: { s: [{ prefx: 'a' }] } }, 'detail.s[0]'],
    ['an operator object with two keys', { s: [{ prefix: 'a', suffix: 'b' }] }, 's[0]'],
    ['a numeric operand that is not an array', { c: [{ numeric: 5 }] }, 'c[0]'],
    ['a numeric with an odd length', { c: [{ numeric: ['>', 0, '<'] }] }, 'c[0]'],
    ['a numeric with an unknown operator', { c: [{ numeric: ['!=', 0] }] }, 'c[0]'],
    ['a numeric with a string bound', { c: [{ numeric: ['>', '0'] }] }, 'c[0]'],
    ['a numeric with two lower bounds', { c: [{ numeric: ['>', 0, '>=', 1] }] }, 'c[0]'],
    [
      'a numeric range that can never match',
      { c: [{ numeric: ['>', 5, '<', 1] }] },
      'c[0]',
    ],
    ['a non-boolean exists', { x: [{ exists: 'yes' }] }, 'x[0]'],
    ['a prefix that is not a string', { x: [{ prefix: 1 }] }, 'x[0]'],
    [
      'anything-but mixing strings and numbers',
      { x: [{ 'anything-but': ['a', 1] }] },
      'x[0]',
    ],
    [
      'anything-but with an unknown form',
      { x: [{ 'anything-but': { numeric: ['>', 1] } }] },
      'x[0]',
    ],
    ['a malformed cidr', { ip: [{ cidr: '10.0.0.0/33' }] }, 'ip[0]'],
    ['a wildcard with consecutive stars', { k: [{ wildcard: 'a**' }] }, 'k[0]'],
    ['an $or that is not an array', { $or: { a: ['x'] } }, '$or'],
    ['an $or branch that is not an object', { $or: [{ a: ['x'] }, ['b']] }, '$or[1]'],
  ])('rejects %s', (_name, pattern, path) => {
    const act = () => validatePattern(pattern);

    expect(act).toThrow(InvalidEventPatternError);
    expect(act).toThrow(`Invalid event pattern at ${path}:`);
  });

  it('names the error so logs show what failed', () => {
    const pattern = { source: 'a' };

    const error = captureError(() => validatePattern(pattern));

    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect(error).toMatchObject({ name: 'InvalidEventPatternError', path: 'source' });
  });
});

function captureError(act: () => void): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}
