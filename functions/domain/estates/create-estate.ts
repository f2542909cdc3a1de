import { ApiError } from '../../platform/errors.ts';
import { startWorkflow } from '../../platform/workflows.ts';
import { buildPutEstate, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { type CreateEstateInput, newEstate } from './estate.ts';
import { estateEvent } from './estate-events.ts';
import { failEstate } from './estate-failure.ts';

/**
 * Records a new estate in `provisioning` and, in the same transaction, the
 * `infrastructure.estate.provisioning_started` event; then starts the provisioning
 * workflow, named after the estate so a retried start never provisions twice.
 */
export async function createEstate(input: CreateEstateInput): Promise<EstateItem> {
  const now = new Date();
  const id = await allocateId('ESTATE', now);
  const estate = newEstate(id, input, nowIso(now));
  const event = estateEvent(estate, 'provisioning_started', now);
  await transact([{ Put: buildPutEstate(estate) }, { Put: buildPutEvent(event) }]);
  try {
    await startWorkflow('provisioning', estate.id, { estate_id: estate.id });
  } catch (error) {
    // Without a workflow the estate would wait in provisioning for ever: mark it
    // failed, so it can be deleted, and tell the caller to try again.
    await failEstate(
      estate.id,
      'Provisioning could not be started; delete this estate and create it again.',
    );
    throw new ApiError(503, {
      code: 'provisioning_unavailable',
      detail: 'Provisioning could not be started. Try again shortly.',
      headers: { 'retry-after': '5' },
      cause: error,
    });
  }
  return { ...estate, version: 1, cost_mtd_micros: 0 };
}
