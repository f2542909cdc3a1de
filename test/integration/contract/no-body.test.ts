import { describe, expect, it } from 'vitest';
import { handler as cancelDeployment } from '../../../functions/http/deployments/cancel-deployment.ts';
import { handler as deleteEnvironment } from '../../../functions/http/environments/delete-environment.ts';
import { handler as acknowledgeIncident } from '../../../functions/http/incidents/acknowledge-incident.ts';
import { call } from '../../support/http.ts';
import { useTable } from '../../support/table.ts';

useTable();

const INFRA = '/v1/infrastructure';
/** IDs of no object: a body the route accepts reaches the action, which answers 404. */
const ROUTES = [
  {
    handler: cancelDeployment,
    routeKey: `POST ${INFRA}/deployments/{id}/cancel`,
    path: `${INFRA}/deployments/DEPLOY-26-999991/cancel`,
    pathParameters: { id: 'DEPLOY-26-999991' },
  },
  {
    handler: acknowledgeIncident,
    routeKey: `POST ${INFRA}/incidents/{id}/acknowledge`,
    path: `${INFRA}/incidents/INFINC-26-999991/acknowledge`,
    pathParameters: { id: 'INFINC-26-999991' },
  },
  {
    handler: deleteEnvironment,
    routeKey: `DELETE ${INFRA}/environments/{id}`,
    path: `${INFRA}/environments/INFENV-26-999991`,
    pathParameters: { id: 'INFENV-26-999991' },
  },
];

describe.each(ROUTES)('$routeKey, which takes no body', ({ handler, ...route }) => {
  it.each([
    ['no body', ''],
    ['an empty object', '{}'],
    ['an empty object among spaces', ' { } \n'],
  ])('accepts %s', async (_case, rawBody) => {
    const response = await call(handler, { ...route, rawBody });

    expect(response.status).toBe(404);
  });

  it('refuses a field with a 400 naming it, before doing anything', async () => {
    const response = await call(handler, {
      ...route,
      body: { reason: 'rolled out by mistake' },
    });

    expect([response.status, response.body.code]).toEqual([400, 'validation_failed']);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'body.reason', code: 'unknown_field' }),
    ]);
  });

  it.each([
    ['JSON that is not an object', '["reason"]', 'validation_failed'],
    ['text that is not JSON', 'reason=mistake', 'invalid_json'],
  ])('refuses %s with a 400', async (_case, rawBody, code) => {
    const response = await call(handler, { ...route, rawBody });

    expect([response.status, response.body.code]).toEqual([400, code]);
  });

  it('refuses bytes that are not UTF-8, or a charset other than UTF-8, as invalid_json', async () => {
    const bytes = await call(handler, {
      ...route,
      rawBytes: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    const utf16 = await call(handler, {
      ...route,
      rawBody: '{}',
      headers: { 'content-type': 'application/json; charset=utf-16' },
    });

    expect([bytes.status, bytes.body.code]).toEqual([400, 'invalid_json']);
    expect([utf16.status, utf16.body.code]).toEqual([400, 'invalid_json']);
  });
});
