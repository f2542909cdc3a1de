import { ConflictError } from '../../platform/errors.ts';
import { buildEstateTransition, type EstateItem } from '../../store/estates.ts';
import { buildPutEvent } from '../../store/events.ts';
import { ConditionFailedError, transact } from '../../store/transact.ts';
import {
  buildPutWorkflowStart,
  requestWorkflowStart,
  type WorkflowStart,
} from '../../store/workflow-starts.ts';
import { nowIso } from '../common.ts';
import { UNSCORED } from '../health/estate-status.ts';
import { EstateChangedError } from './estate-changed.ts';
import { estateEvent } from './estate-events.ts';

export interface DeleteEstateOptions {
  /** Tear down environments and services too, instead of refusing. */
  readonly cascade: boolean;
  /** Counts the services still in the estate's environments. */
  readonly countServices: (estateId: string) => Promise<number>;
  /** Start only while the estate is still at this version (an If-Match the caller sent). */
  readonly expectedVersion?: number;
}

/**
 * Starts tearing an estate down. Refused while it is still provisioning, and while
 * services remain unless the caller asks for a cascading teardown. Asking again while
 * it is already going (or gone) changes nothing. The teardown's workflow start is
 * written in the transaction that moves the estate to `deprovisioning`; the table's
 * stream starts it. The execution is named after the estate and the version the
 * teardown starts from: one teardown never runs twice, and deleting again after a
 * teardown failed starts a new execution rather than meeting the finished one's name.
 * An estate that changes between the read and the write is refused with
 * `estate_changed`, and nothing starts.
 */
export async function deleteEstate(
  estate: EstateItem,
  options: DeleteEstateOptions,
): Promise<EstateItem> {
  if (estate.status === 'deprovisioning' && estate.teardown_execution) {
    // Asking for the same execution again is harmless (Step Functions runs a name
    // once), and gives an operator a way to push a start that exhausted its retries.
    await requestWorkflowStart(teardown(estate.id, estate.teardown_execution));
    return estate;
  }
  if (estate.status === 'deprovisioning' || estate.status === 'deprovisioned')
    return estate;
  if (estate.status === 'provisioning') {
    throw new ConflictError(
      'estate_busy',
      `Estate ${estate.id} is still provisioning; delete it once that ends.`,
    );
  }
  const services = await options.countServices(estate.id);
  if (services > 0 && !options.cascade) {
    throw new ConflictError(
      'estate_has_services',
      `Estate ${estate.id} still runs ${services} service(s). Remove them, or pass cascade=true to tear everything down.`,
      { service_count: services },
    );
  }
  const now = new Date();
  const execution = `${estate.id}-deprovision-${estate.version}`;
  const next = {
    ...estate,
    status: 'deprovisioning' as const,
    status_reason: null,
    // An estate being torn down is no longer scored; its score and breakdown go.
    health_score: null,
    updated_at: nowIso(now),
  };
  const items = [
    {
      Update: buildEstateTransition({
        estateId: estate.id,
        from: ['active', 'degraded', 'failed'],
        to: 'deprovisioning',
        now: next.updated_at,
        ...(options.expectedVersion === undefined
          ? {}
          : { expectedVersion: options.expectedVersion }),
        // A failed estate's reason no longer applies once its teardown starts.
        set: {
          cascade: options.cascade,
          status_reason: null,
          teardown_execution: execution,
          ...UNSCORED.set,
        },
        remove: UNSCORED.remove,
      }),
    },
    {
      Put: buildPutEvent(
        estateEvent(next, 'deprovisioning_started', now, { cascade: options.cascade }),
      ),
    },
    { Put: buildPutWorkflowStart(teardown(estate.id, execution), now) },
  ];
  try {
    await transact(items);
  } catch (error) {
    if (error instanceof ConditionFailedError)
      throw new EstateChangedError(estate.id, error);
    throw error;
  }
  return next;
}

/** The deprovisioning workflow's start, under the execution name of this teardown. */
const teardown = (estateId: string, execution: string): WorkflowStart => ({
  workflow: 'deprovisioning',
  executionName: execution,
  input: { estate_id: estateId },
});
