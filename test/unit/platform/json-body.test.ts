import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../functions/platform/errors.ts';
import { parseJsonBody } from '../../../functions/platform/json-body.ts';

const json = (body: string) =>
  parseJsonBody({ body, headers: { 'content-type': 'application/json' } });

/** The problem a body is refused with, as [status, code, detail]. */
function refusal(body: string) {
  try {
    json(body);
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
