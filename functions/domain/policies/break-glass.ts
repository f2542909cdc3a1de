import * as z from 'zod/mini';
import { type Caller, requireScope } from '../../platform/auth.ts';
import type { Verdict } from './violation.ts';

/**
 * `break_glass` on a deployment: an admin's documented reason to deploy outside a
 * deployment window or during a freeze. It overrides nothing else.
 */
export const BreakGlass = z.strictObject({
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(
        10,
        'Give a reason of at least 10 characters; it is kept on the deployment.',
      ),
      z.maxLength(500, 'A reason has at most 500 characters.'),
    ),
});
export type BreakGlassInput = z.output<typeof BreakGlass>;

/** A break-glass override as recorded on the deployment. */
export interface BreakGlassRecord {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  /** The policies it set aside; empty when nothing needed overriding. */
  readonly overridden_policy_ids: readonly string[];
}

/** Throws 403 `insufficient_scope` unless a caller asking for break-glass is an admin. */
export function requireBreakGlassScope(
  caller: Caller,
  breakGlass: BreakGlassInput | undefined,
): void {
  if (breakGlass) requireScope(caller, 'admin');
}

/** The record of a break-glass request, or null when the deployment carried none. */
export function breakGlassRecord(
  breakGlass: BreakGlassInput | undefined,
  caller: Caller,
  verdict: Verdict,
  at: string,
): BreakGlassRecord | null {
  if (!breakGlass) return null;
  return {
    reason: breakGlass.reason,
    by: caller.subject,
    at,
    overridden_policy_ids: verdict.overridden.map((violation) => violation.policy_id),
  };
}
