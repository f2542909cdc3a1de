import { describe, expect, it } from 'vitest';
import { handler as createEnvironment } from '../../../functions/http/environments/create-environment.ts';
import { handler as getEnvironment } from '../../../functions/http/environments/get-environment.ts';
import { handler as updateEnvironment } from '../../../functions/http/environments/update-environment.ts';
import { handler as createService } from '../../../functions/http/services/create-service.ts';
import { handler as updateService } from '../../../functions/http/services/update-service.ts';
import { environmentBody, serviceBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const ENVIRONMENTS = '/v1/infrastructure/environments';
const SERVICES = '/v1/infrastructure/services';

async function environmentOf() {
  const estate = await seedActiveEstate();
  const created = await call(createEnvironment, {
    routeKey: `POST ${ENVIRONMENTS}`,
    path: ENVIRONMENTS,
    body: environmentBody(estate.id),
  });
  return created.body.data as { id: string };
}

const patchEnvironment = (
  id: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  call(updateEnvironment, {
    routeKey: `PATCH ${ENVIRONMENTS}/{id}`,
    path: `${ENVIRONMENTS}/${id}`,
    pathParameters: { id },
    body,
    headers,
  });

describe('If-Match on environments and services', () => {
  it('gives an environment an ETag and moves it on with each change', async () => {
    const environment = await environmentOf();
    const read = await call(getEnvironment, {
      routeKey: `GET ${ENVIRONMENTS}/{id}`,
      path: `${ENVIRONMENTS}/${environment.id}`,
      pathParameters: { id: environment.id },
    });

    const changed = await patchEnvironment(
      environment.id,
      { name: 'prod-eu' },
      { 'if-match': read.headers.etag ?? '' },
    );

    expect(read.headers.etag).toBe('"v1"');
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"v2"');
  });

  it('refuses a stale If-Match on an environment with 412 and changes nothing', async () => {
    const environment = await environmentOf();
    await patchEnvironment(environment.id, { name: 'prod-a' });

    const stale = await patchEnvironment(
      environment.id,
      { name: 'prod-b' },
      { 'if-match': '"v1"' },
    );
    const after = await call(getEnvironment, {
      routeKey: `GET ${ENVIRONMENTS}/{id}`,
      path: `${ENVIRONMENTS}/${environment.id}`,
      pathParameters: { id: environment.id },
    });

    expect([stale.status, stale.body.code]).toEqual([412, 'precondition_failed']);
    expect(stale.headers.etag).toBe('"v2"');
    expect(after.body.data.name).toBe('prod-a');
  });

  it('refuses a stale If-Match on a service with 412 and accepts the current one', async () => {
    const environment = await environmentOf();
    const service = await call(createService, {
      routeKey: `POST ${SERVICES}`,
      path: SERVICES,
      body: serviceBody(environment.id),
    });
    const id: string = service.body.data.id;
    const patch = (headers: Record<string, string>) =>
      call(updateService, {
        routeKey: `PATCH ${SERVICES}/{id}`,
        path: `${SERVICES}/${id}`,
        pathParameters: { id },
        body: { config: { replicas: 4 } },
        headers,
      });

    const stale = await patch({ 'if-match': '"v7"' });
    const current = await patch({ 'if-match': '"v1"' });
    const malformed = await patch({ 'if-match': 'v2' });

    expect(stale.status).toBe(412);
    expect([current.status, current.headers.etag]).toEqual([200, '"v2"']);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'invalid_if_match']);
  });
});
