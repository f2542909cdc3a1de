import { ConflictError } from '../../platform/errors.ts';
import type { Estate } from '../estates/estate.ts';

const GONE = ['deprovisioning', 'deprovisioned'];

/**
 * Throws 409 `estate_not_updatable` for an estate on its way out. Policies may be set
 * while an estate is still provisioning, before anything is added to it.
 */
export function requirePolicyEstate(estate: Estate): void {
  if (!GONE.includes(estate.status)) return;
  throw new ConflictError(
    'estate_not_updatable',
    `Estate ${estate.id} is ${estate.status}; its policies can no longer change.`,
    { estate_status: estate.status },
  );
}
