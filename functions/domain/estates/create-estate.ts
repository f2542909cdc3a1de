import { buildPutEstate, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { allocateId } from '../../store/ids.ts';
import { transact } from '../../store/transact.ts';
import {
  buildPutWorkflowStart,
  type WorkflowStart,
} from '../../store/workflow-starts.ts';
import { nowIso } from '../common.ts';
import { type CreateEstateInput, newEstate } from './estate.ts';
import { estateEvent } from './estate-events.ts';

/**
 * Records a new estate in `provisioning` and, in the same transaction, the
 * `infrastructure.estate.provisioning_started` event and the start of its
 * provisioning workflow. The table's stream starts the workflow a moment later, in an
 * execution named after the estate, so a repeated start never provisions twice.
 */
export async function createEstate(input: CreateEstateInput): Promise<EstateItem> {
  const now = new Date();
  const id = await allocateId('ESTATE', now);
  const estate = newEstate(id, input, nowIso(now));
  const event = estateEvent(estate, 'provisioning_started', now);
  await transact([
    { Put: buildPutEstate(estate) },
    { Put: buildPutEvent(event) },
    { Put: buildPutWorkflowStart(provisioning(id), now) },
  ]);
  return { ...estate, version: 1, cost_mtd_micros: 0 };
}

/** The provisioning workflow's start, named after the estate. */
const provisioning = (estateId: string): WorkflowStart => ({
  workflow: 'provisioning',
  executionName: estateId,
  input: { estate_id: estateId },
});
