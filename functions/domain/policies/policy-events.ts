import { buildPutEvent } from '../../store/events.ts';
import type { Estate } from '../estates/estate.ts';
import { type EventType, newEvent, type PlatformEvent } from '../events.ts';
import type { Policy } from './policy.ts';
import type { PolicyAction } from './subject.ts';
import type { Verdict, Violation } from './violation.ts';

/** A compact snapshot of a policy for event details. */
export const policySnapshot = (policy: Policy) => ({
  name: policy.name,
  kind: policy.kind,
  enforcement: policy.enforcement,
  status: policy.status,
  parameters: policy.parameters,
  version: policy.version,
});

type Owner = Pick<Estate, 'id' | 'workspace_id' | 'service_line_id'>;

const eventOf = (
  estate: Owner,
  type: EventType,
  subjectId: string,
  data: Readonly<Record<string, unknown>>,
  now: Date,
) =>
  newEvent(
    {
      type,
      workspace_id: estate.workspace_id,
      estate_id: estate.id,
      service_line_id: estate.service_line_id,
      subject_id: subjectId,
      data,
    },
    now.toISOString(),
  );

/** An `infrastructure.policy.created|updated|deleted` event: a policy change. */
export function policyEvent(
  estate: Owner,
  policy: Policy,
  action: 'created' | 'updated' | 'deleted',
  now: Date,
  extra: Readonly<Record<string, unknown>> = {},
): PlatformEvent {
  const data = { ...policySnapshot(policy), ...extra };
  return eventOf(estate, `infrastructure.policy.${action}`, policy.id, data, now);
}

/** What a verdict was about: the action and the ID of what it created. */
export interface VerdictTarget {
  readonly action: PolicyAction;
  readonly target_id: string;
  /** The reason an admin gave for a break-glass override. */
  readonly break_glass_reason?: string;
}

const detail = (violation: Violation, target: VerdictTarget) => ({
  policy_id: violation.policy_id,
  name: violation.name,
  kind: violation.kind,
  enforcement: violation.enforcement,
  reason: violation.reason,
  action: target.action,
  target_id: target.target_id,
});

/**
 * The outbox events a verdict leaves: `infrastructure.policy.violated` for each broken
 * `warn` policy and `infrastructure.policy.overridden` for each broken-glass one.
 */
export function verdictEvents(
  estate: Owner,
  verdict: Verdict,
  target: VerdictTarget,
  now: Date,
): PlatformEvent[] {
  return [
    ...verdict.warnings.map((violation) =>
      eventOf(
        estate,
        'infrastructure.policy.violated',
        violation.policy_id,
        detail(violation, target),
        now,
      ),
    ),
    ...verdict.overridden.map((violation) =>
      eventOf(
        estate,
        'infrastructure.policy.overridden',
        violation.policy_id,
        { ...detail(violation, target), break_glass_reason: target.break_glass_reason },
        now,
      ),
    ),
  ];
}

/** The verdict's events as transaction items, to be written with the change itself. */
export const verdictPuts = (
  estate: Owner,
  verdict: Verdict,
  target: VerdictTarget,
  now: Date,
) =>
  verdictEvents(estate, verdict, target, now).map((event) => ({
    Put: buildPutEvent(event),
  }));
