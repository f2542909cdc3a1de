import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../functions/platform/errors.ts';
import { MAX_BODY_BYTES, parseJsonBody } from '../../../functions/platform/json-body.ts';

const json = (body: string) =>
  parseJsonBody({ body, headers: { 'content-type': 'application/json' } });

/** The problem a request is refused with, as [status, code, detail]. */
function refusal(body: string, parse: (body: string) => unknown = json) {
  try {
    parse(body);
  } catch (error) {
    if (error instanceof ApiError) {
      return [error.status, error.code, error.message];
    }
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('parseJsonBody', () => {
  it('keeps well-formed text, surrogate pairs included', () => {
    const body = '{"config":{"variables":{"GREETING":"h\\u00e9llo \\ud83d\\ude80"}}}';

    expect(json(body)).toEqual({ config: { variables: { GREETING: 'héllo 🚀' } } });
  });

  it.each([
    ['a value', '{"config":{"variables":{"A":"\\ud800"}}}', 'body.config.variables.A'],
    ['a key', '{"config":{"\\udc00":"x"}}', 'a key of body.config'],
    ['an array item', '{"project_tags":["ok","x\\ud800"]}', 'body.project_tags.1'],
  ])('refuses an unpaired surrogate in %s, naming where it is', (_case, body, at) => {
    const [status, code, detail] = refusal(body);

    expect([status, code]).toEqual([400, 'invalid_json']);
    expect(detail).toContain(at);
  });
});

describe('parseJsonBody on deep nesting', () => {
  it('walks a body nested deeper than the call stack goes', () => {
    const depth = 30_000;
    const body = `${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}`;

    const [status, code, detail] = refusal(body);
    const accepted = json(`${'['.repeat(depth)}${']'.repeat(depth)}`);

    expect([status, code]).toEqual([400, 'invalid_json']);
    expect(detail).toMatch(/body\.0\.0.*….*0\.0\.0/);
    expect(Array.isArray(accepted)).toBe(true);
  });
});

describe('parseJsonBody on encodings', () => {
  const base64 = (bytes: Buffer) => (contentType: string) =>
    parseJsonBody({
      body: bytes.toString('base64'),
      isBase64Encoded: true,
      headers: { 'content-type': contentType },
    });

  it('reads a base64-encoded body as UTF-8', () => {
    const parse = base64(Buffer.from('{"name":"Zürich 🚀"}', 'utf8'));

    expect(parse('application/json')).toEqual({ name: 'Zürich 🚀' });
    expect(parse('application/json; charset=UTF-8')).toEqual({ name: 'Zürich 🚀' });
    expect(parse('application/json;charset="utf8"')).toEqual({ name: 'Zürich 🚀' });
  });

  it('refuses bytes that are not UTF-8 rather than store U+FFFD in their place', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"name":"bad'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('bytes"}'),
    ]);

    const [status, code, detail] = refusal('', () => base64(bytes)('application/json'));

    expect([status, code, detail]).toEqual([
      400,
      'invalid_json',
      'The request body is not UTF-8 text.',
    ]);
  });

  it.each([
    'application/json; charset=utf-16',
    'application/json; charset="ISO-8859-1"',
    'application/merge-patch+json; charset=latin1',
  ])('refuses %s: JSON travels in UTF-8 only', (contentType) => {
    const parse = () =>
      parseJsonBody({ body: '{"name":"x"}', headers: { 'content-type': contentType } });

    const [status, code] = refusal('', parse);

    expect([status, code]).toEqual([415, 'unsupported_media_type']);
  });

  it('measures a base64-encoded body by its bytes, not its encoding', () => {
    const body = `{"name":"${'x'.repeat(MAX_BODY_BYTES)}"}`;

    const [status, code] = refusal('', () =>
      base64(Buffer.from(body))('application/json'),
    );

    expect([status, code]).toEqual([413, 'body_too_large']);
  });
});
