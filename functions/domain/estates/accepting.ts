import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { getEstate } from '../../store/estates.ts';
import type { Estate, EstateStatus } from './estate.ts';

/** Estate statuses in which environments and services may be added. */
export const ACCEPTING_STATUSES: readonly EstateStatus[] = ['active', 'degraded'];

const notActive = (estate: Estate) =>
  new ConflictError(
    'estate_not_active',
    `Estate ${estate.id} is ${estate.status}; only an active or degraded estate takes new environments and services.`,
    { estate_status: estate.status },
  );

/** Throws 409 `estate_not_active` unless the estate takes new environments and services. */
export function requireAccepting(estate: Estate): void {
  if (!ACCEPTING_STATUSES.includes(estate.status)) throw notActive(estate);
}

/**
 * The error for a transaction whose estate condition failed: the estate changed
 * status (or vanished) between the read and the write, so read it again to say how.
 */
export async function estateConditionError(estateId: string): Promise<Error> {
  const estate = await getEstate(estateId);
  if (!estate) return new NotFoundError('estate', estateId);
  return notActive(estate);
}
