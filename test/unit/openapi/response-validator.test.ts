import { describe, expect, it } from 'vitest';
import { handler as getEstate } from '../../../functions/http/estates/get-estate.ts';
import { call } from '../../support/http.ts';
import { responseProblems } from '../../support/openapi/validator.ts';

const GET_ESTATE = { method: 'GET', path: '/v1/infrastructure/estates/{id}' };
const headers =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];
const problem = {
  type: 'https://docs.platform.example/problems/estate_not_found',
  title: 'Not Found',
  status: 404,
  detail: 'No estate with id ESTATE-26-000001 exists.',
  code: 'estate_not_found',
  request_id: 'req-1',
};

describe('the response validator', () => {
  it('accepts a documented problem', () => {
    const observed = {
      ...GET_ESTATE,
      status: 404,
      header: headers({ 'content-type': 'application/problem+json' }),
      text: JSON.stringify(problem),
    };

    expect(responseProblems(observed)).toEqual([]);
  });

  it('accepts API Gateway’s own 401 body', () => {
    const observed = {
      ...GET_ESTATE,
      status: 401,
      header: headers({ 'content-type': 'application/json' }),
      text: '{"message":"Unauthorized"}',
    };

    expect(responseProblems(observed)).toEqual([]);
  });

  it('refuses a status the operation does not document', () => {
    const observed = { ...GET_ESTATE, status: 418, header: headers({}), text: '' };

    expect(responseProblems(observed)).toEqual(['status 418 is not documented']);
  });

  it('refuses a problem sent as application/json', () => {
    const observed = {
      ...GET_ESTATE,
      status: 404,
      header: headers({ 'content-type': 'application/json' }),
      text: JSON.stringify(problem),
    };

    expect(responseProblems(observed)[0]).toMatch(/content-type application\/json/);
  });

  it('refuses a body that does not match, and a missing ETag', () => {
    const observed = {
      ...GET_ESTATE,
      status: 200,
      header: headers({ 'content-type': 'application/json' }),
      text: JSON.stringify({ data: { id: 'ESTATE-26-000001' } }),
    };

    const problems = responseProblems(observed);

    expect(problems[0]).toBe('the documented header ETag is missing');
    expect(problems[1]).toMatch(/must have required property 'workspace_id'/);
  });

  it('fails the test whose call() sees an undocumented response', async () => {
    const options = {
      routeKey: 'GET /v1/infrastructure/estates/{id}/unknown',
      path: '/v1/infrastructure/estates/ESTATE-26-000001/unknown',
      pathParameters: { id: 'ESTATE-26-000001' },
      claims: {},
    };

    await expect(call(getEstate, options)).rejects.toThrow(/not in the OpenAPI document/);
  });
});
