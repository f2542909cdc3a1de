import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Estate } from '../../functions/domain/estates/estate.ts';
import { documentClient } from '../../functions/store/client.ts';
import { buildPutEstate, getEstate } from '../../functions/store/estates.ts';
import { allocateId } from '../../functions/store/ids.ts';
import { estateRecord } from './factories.ts';

/**
 * Writes an estate straight into the table with a fresh ID (active unless told
 * otherwise), standing in for a provisioning workflow that has finished.
 */
export async function putEstate(overrides: Partial<Estate> = {}): Promise<Estate> {
  const estate = estateRecord({ id: await allocateId('ESTATE'), ...overrides });
  await documentClient.send(new PutCommand(buildPutEstate(estate)));
  return estate;
}

/** The estate's environment_count as stored now. */
export async function environmentCountOf(estateId: string): Promise<number | undefined> {
  return (await getEstate(estateId))?.environment_count;
}
