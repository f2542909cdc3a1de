import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as createEnvironment } from '../../../functions/http/environments/create-environment.ts';
import { handler as deleteEnvironment } from '../../../functions/http/environments/delete-environment.ts';
import { handler as getEnvironment } from '../../../functions/http/environments/get-environment.ts';
import { handler as deleteEstate } from '../../../functions/http/estates/delete-estate.ts';
import { handler as getEstate } from '../../../functions/http/estates/get-estate.ts';
import { handler as createService } from '../../../functions/http/services/create-service.ts';
import { handler as deleteService } from '../../../functions/http/services/delete-service.ts';
import { handler as getService } from '../../../functions/http/services/get-service.ts';
import { documentClient } from '../../../functions/store/client.ts';
import * as keys from '../../../functions/store/keys.ts';
import { tableName } from '../../../functions/store/table.ts';
import { environmentBody, serviceBody } from '../../support/factories.ts';
import { call } from '../../support/http.ts';
import { seedActiveEstate } from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

const INFRA = '/v1/infrastructure';

type Kind = 'estates' | 'environments' | 'services';

const HANDLERS = {
  estates: { remove: deleteEstate, get: getEstate, key: keys.estate },
  environments: { remove: deleteEnvironment, get: getEnvironment, key: keys.environment },
  services: { remove: deleteService, get: getService, key: keys.service },
} as const;

const remove = (kind: Kind, id: string, headers: Record<string, string> = {}) =>
  call(HANDLERS[kind].remove, {
    routeKey: `DELETE ${INFRA}/${kind}/{id}`,
    path: `${INFRA}/${kind}/${id}`,
    pathParameters: { id },
    headers,
  });

const get = (kind: Kind, id: string) =>
  call(HANDLERS[kind].get, {
    routeKey: `GET ${INFRA}/${kind}/{id}`,
    path: `${INFRA}/${kind}/${id}`,
    pathParameters: { id },
  });

/** An estate, an environment in it and a service in that, each at version 1. */
async function objects(): Promise<Record<Kind, string>> {
  const estate = await seedActiveEstate();
  const environment = await call(createEnvironment, {
    routeKey: `POST ${INFRA}/environments`,
    path: `${INFRA}/environments`,
    body: environmentBody(estate.id),
  });
  const service = await call(createService, {
    routeKey: `POST ${INFRA}/services`,
    path: `${INFRA}/services`,
    body: serviceBody(environment.body.data.id),
  });
  return {
    estates: estate.id,
    environments: environment.body.data.id,
    services: service.body.data.id,
  };
}

/** What each DELETE answers when it goes through. */
const DONE: Record<Kind, number> = { estates: 202, environments: 204, services: 204 };

/** Deletes what stands in the way of deleting `kind`'s object: the service. */
async function clearFor(kind: Kind, ids: Record<Kind, string>) {
  if (kind !== 'services')
    expect((await remove('services', ids.services)).status).toBe(204);
}

/** Moves an object's version on, as a concurrent PATCH would, right before the next transaction. */
function changeBeforeNextTransaction(key: { pk: string; sk: string }) {
  let armed = true;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (armed && context.commandName === 'TransactWriteItemsCommand') {
        armed = false;
        await documentClient.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: key,
            UpdateExpression: 'ADD #version :one',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':one': 1 },
          }),
        );
      }
      return next(args);
    },
    { step: 'initialize', name: 'testChangeBeforeNextTransaction' },
  );
}

afterEach(() => {
  documentClient.middlewareStack.remove('testChangeBeforeNextTransaction');
});

describe.each<Kind>(['environments', 'services', 'estates'])(
  'If-Match on DELETE /v1/infrastructure/%s/{id}',
  (kind) => {
    it('refuses a stale tag with 412 and the current ETag, and deletes nothing', async () => {
      const ids = await objects();
      await clearFor(kind, ids);

      const response = await remove(kind, ids[kind], { 'if-match': '"v99"' });
      const after = await get(kind, ids[kind]);

      expect([response.status, response.body.code]).toEqual([412, 'precondition_failed']);
      expect(response.headers.etag).toBe('"v1"');
      expect(after.status).toBe(200);
      if (kind === 'estates') expect(after.body.data.status).toBe('active');
    });

    it('refuses a malformed If-Match with a 400 naming the header', async () => {
      const ids = await objects();
      await clearFor(kind, ids);

      const response = await remove(kind, ids[kind], { 'if-match': 'garbage' });

      expect([response.status, response.body.code]).toEqual([400, 'invalid_if_match']);
      expect(response.body.errors[0].field).toBe('header.if-match');
      expect((await get(kind, ids[kind])).status).toBe(200);
    });

    it.each(['"v1"', '"v7", "v1"', '*'])(
      'goes through with If-Match: %s',
      async (tag) => {
        const ids = await objects();
        await clearFor(kind, ids);

        const response = await remove(kind, ids[kind], { 'if-match': tag });

        expect(response.status).toBe(DONE[kind]);
      },
    );

    it('answers 412 when the object changes between the check and the write', async () => {
      const ids = await objects();
      await clearFor(kind, ids);
      changeBeforeNextTransaction(HANDLERS[kind].key(ids[kind]));

      const response = await remove(kind, ids[kind], { 'if-match': '"v1"' });
      const after = await get(kind, ids[kind]);

      expect([response.status, response.body.code]).toEqual([412, 'precondition_failed']);
      expect(response.headers.etag).toBe('"v2"');
      expect(after.status).toBe(200);
      expect(after.headers.etag).toBe('"v2"');
      if (kind === 'estates') expect(after.body.data.status).toBe('active');
    });
  },
);
