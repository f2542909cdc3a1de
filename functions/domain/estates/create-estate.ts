import { buildPutEstate, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { transact } from '../../store/transact.ts';
import { nowIso } from '../common.ts';
import { newEvent } from '../events.ts';
import { type CreateEstateInput, newEstate } from './estate.ts';

/**
 * Records a new estate in `provisioning` and, in the same transaction, the
 * `infrastructure.estate.provisioning_started` event.
 */
export async function createEstate(input: CreateEstateInput): Promise<EstateItem> {
  const now = new Date();
  const id = await allocateId('ESTATE', now);
  const estate = newEstate(id, input, nowIso(now));
  const event = newEvent(
    {
      type: 'infrastructure.estate.provisioning_started',
      workspace_id: estate.workspace_id,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      subject_id: estate.id,
      data: {
        status: estate.status,
        provider: estate.provider,
        region: estate.region,
        name: estate.name,
      },
    },
    now.toISOString(),
  );
  await transact([{ Put: buildPutEstate(estate) }, { Put: buildPutEvent(event) }]);
  return { ...estate, version: 1, cost_mtd_micros: 0 };
}
