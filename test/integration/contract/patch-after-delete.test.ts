import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { updateEnvironment } from '../../../functions/domain/environments/update-environment.ts';
import { updateService } from '../../../functions/domain/services/update-service.ts';
import { documentClient } from '../../../functions/store/client.ts';
import { getEnvironment } from '../../../functions/store/environments.ts';
import { getEstate } from '../../../functions/store/estates.ts';
import * as keys from '../../../functions/store/keys.ts';
import { getService } from '../../../functions/store/services.ts';
import { tableName } from '../../../functions/store/table.ts';
import {
  seedActiveEstate,
  seedContainerService,
  seedEnvironment,
} from '../../support/seed.ts';
import { useTable } from '../../support/table.ts';

useTable();

/** Removes an item behind the request's back, as a DELETE that won the race would. */
const removeItem = (key: Record<string, string>) =>
  documentClient.send(new DeleteCommand({ TableName: tableName(), Key: key }));

/** The problem a call was refused with, as [status, code]. */
async function refusal(action: Promise<unknown>) {
  const error = await action.then(
    () => {
      throw new Error('the change was made');
    },
    (failure: { status?: number; code?: string }) => failure,
  );
  return [error.status, error.code];
}

describe('a PATCH that loses a race to a DELETE', () => {
  it('answers 404 for an environment deleted after it was read', async () => {
    const estate = await seedActiveEstate();
    const seeded = await seedEnvironment(estate);
    const [current, environment] = await Promise.all([
      getEstate(estate.id),
      getEnvironment(seeded.id),
    ]);
    if (!current || !environment) throw new Error('the seed is gone');
    await removeItem(keys.environment(environment.id));

    const result = await refusal(
      updateEnvironment(current, environment, { name: 'renamed' }),
    );

    expect(result).toEqual([404, 'environment_not_found']);
  });

  it('answers 404 for a service deleted after it was read', async () => {
    const estate = await seedActiveEstate();
    const seeded = await seedContainerService(estate);
    const [current, service] = await Promise.all([
      getEstate(estate.id),
      getService(seeded.id),
    ]);
    if (!current || !service) throw new Error('the seed is gone');
    await removeItem(keys.service(service.id));

    const result = await refusal(updateService(current, service, { config: { cpu: 1 } }));

    expect(result).toEqual([404, 'service_not_found']);
  });
});
